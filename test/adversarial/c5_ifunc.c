// RUN: %adversarial %s
/* class 5: CPU-dispatched function via ifunc; the implementation selected at load time keeps the pointer; pattern: ifunc multiversioning (memcpy/crc variants) */
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
struct blk { int n; char data[28]; };
static struct blk *g_cached;
static void checksum_generic(struct blk *b) { (void)b; }
static void checksum_fast(struct blk *b) { g_cached = b; }   /* fast path caches the block */
static void (*resolve_checksum(void))(struct blk *) {
  __builtin_cpu_init();
  return __builtin_cpu_supports("sse2") ? checksum_fast : checksum_generic;
}
void checksum(struct blk *b) __attribute__((ifunc("resolve_checksum")));

NOINLINE static void load_block(int n) {
  struct blk *b = ALLOC(sizeof *b);
  b->n = n;
  snprintf(b->data, sizeof b->data, "block data %d", n);
  checksum(b);
}

int main(void) {
  load_block(3);
  clobber();
  if (g_cached) printf("cached n=%d %s\n", g_cached->n, g_cached->data);
  else puts("not cached");
  return 0;
}
