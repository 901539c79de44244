/* second translation unit of c5_c99_inline: the external definition of strtab_hash (instrumented) */
#include <stdio.h>
#include <stddef.h>
int g_weights[64] = { 3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5,
                      0, 2, 8, 8, 4, 1, 9, 7, 1, 6, 9, 3, 9, 9, 3, 7, 5, 1, 0, 5, 8, 2, 0, 9, 7, 4, 9, 4, 4, 5, 9, 2 };
static const unsigned char *g_last_key;
static size_t g_last_len;
unsigned strtab_hash(const unsigned char *s, size_t n) {
  g_last_key = s; g_last_len = n;              /* remembered for strtab_debug_dump() */
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
#define STEP h ^= s[i]; h *= 16777619u; h += (unsigned)g_weights[(h ^ i) & 63]; h ^= h >> 13; h *= 0x5bd1e995u; h ^= (unsigned)g_weights[h & 63] << (i & 7);
#define STEP4 STEP STEP STEP STEP
    STEP4 STEP4 STEP4 STEP4 STEP4 STEP4 STEP4 STEP4
  }
  return h;
}
void strtab_debug_dump(void) {
  if (!g_last_key) { printf("last key: none\n"); return; }
  char copy[64];
  size_t n = g_last_len < sizeof copy - 1 ? g_last_len : sizeof copy - 1;
  for (size_t i = 0; i < n; i++) copy[i] = (char)g_last_key[i];
  copy[n] = 0;
  printf("last key: %s (len %zu)\n", copy, g_last_len);
}
