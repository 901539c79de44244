// RUN: %adversarial %s
/* class 8: calloc inside a loop must return zeroed memory on every iteration, also after the previous iteration dirtied (and freed) it; pattern: per-record zeroed scratch structs */
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
struct acc { int counts[16]; long total; };

NOINLINE static long tally(const char *const *recs, int n) {
  long grand = 0;
  for (int i = 0; i < n; i++) {
#ifdef FORCE_STACK
    struct acc *a = __builtin_alloca(sizeof *a);   /* wrong: not zeroed */
    if (i == 0) memset(a, 0, sizeof *a);
#else
    struct acc *a = calloc(1, sizeof *a);
#endif
    for (const char *p = recs[i]; *p; p++) { a->counts[*p & 15]++; a->total += *p; }
    int distinct = 0;
    for (int k = 0; k < 16; k++) distinct += a->counts[k] != 0;
    grand = grand * 31 + distinct * 1000 + a->total;
#ifndef FORCE_STACK
    free(a);
#endif
  }
  return grand;
}

int main(void) {
  const char *recs[] = { "alpha", "beta", "gamma", "delta", "epsilon" };
  printf("tally=%ld\n", tally(recs, 5));
  return 0;
}
