// RUN: %adversarial %s
/* class 4: pointer bytes recovered by memcmp probing of a serialized copy (value = the byte that compares equal); pattern: byte-oriented decoders that validate with memcmp */
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
unsigned char g_blob[8];

struct item { int qty; char sku[20]; };

/* "canonicalising" byte encoder: emits, for each input byte, the table value that compares equal */
static void encode(unsigned char *out, const unsigned char *in, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (int v = 0; v < 256; v++) {
      unsigned char c = (unsigned char)v;
      if (memcmp(&c, &in[i], 1) == 0) { out[i] = c; break; }
    }
}

NOINLINE static void store_item(int qty) {
  struct item *it = ALLOC(sizeof *it);
  it->qty = qty;
  snprintf(it->sku, sizeof it->sku, "SKU-%04d", qty);
  encode(g_blob, (const unsigned char *)&it, sizeof it);
}

int main(void) {
  store_item(12);
  clobber();
  struct item *it;
  memcpy(&it, g_blob, sizeof it);
  printf("qty=%d sku=%s\n", it->qty, it->sku);
  return 0;
}
