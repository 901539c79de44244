// RUN: %adversarial %s
/* class 5: C99 inline definition (available_externally) that does not keep its argument, while the external definition in the other file (debug build of the library) records it; pattern: header-defined inline helpers with an instrumented out-of-line copy RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
/* ---- "strtab.h" ---- */
extern int g_weights[64];
void strtab_debug_dump(void);
/* C99 inline definition: the out-of-line definition lives in c5_c99_inline_b.c */
inline unsigned strtab_hash(const unsigned char *s, size_t n) {
  unsigned h = 2166136261u;
  for (size_t i = 0; i < n; i++) {
#define STEP h ^= s[i]; h *= 16777619u; h += (unsigned)g_weights[(h ^ i) & 63]; h ^= h >> 13; h *= 0x5bd1e995u; h ^= (unsigned)g_weights[h & 63] << (i & 7);
#define STEP4 STEP STEP STEP STEP
    STEP4 STEP4 STEP4 STEP4 STEP4 STEP4 STEP4 STEP4
  }
  return h;
}
/* ---- application ---- */
NOINLINE static unsigned intern_key(int k) {
  unsigned char *key = ALLOC(32);
  int n = snprintf((char *)key, 32, "key-%d-suffix", k);
  unsigned h = strtab_hash(key, (size_t)n);
  h ^= strtab_hash(key, 4);
  return h;                      /* key is "dropped" here (leaked in the heap build) */
}

int main(void) {
  unsigned h = intern_key(42);
  clobber();
  printf("hash=%08x\n", h);
  strtab_debug_dump();
  return 0;
}
