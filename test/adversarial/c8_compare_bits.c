// RUN: %adversarial %s
/* class 8: address rebuilt by successive comparisons (r | bit kept when p >= r | bit), no arithmetic on p itself; pattern: successive-approximation bucketing of addresses (size classes, page tables) */
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
uintptr_t g_bucket_key;

static uintptr_t approx(uintptr_t p) {
  uintptr_t r = 0;
  for (int i = 62; i >= 0; i--) {
    uintptr_t cand = r | ((uintptr_t)1 << i);
    if (p >= cand) r = cand;
  }
  return r;
}

struct entry { int hits; char key[20]; };

NOINLINE static void add_entry(int hits) {
  struct entry *e = ALLOC(sizeof *e);
  e->hits = hits;
  snprintf(e->key, sizeof e->key, "k%d", hits);
  g_bucket_key = approx((uintptr_t)e);
}

int main(void) {
  add_entry(3);
  clobber();
  struct entry *e = (struct entry *)g_bucket_key;
  e->hits++;
  printf("%s hits=%d\n", e->key, e->hits);
  return 0;
}
