// RUN: %adversarial %s
/* class 8: qsort_r comparator stores its context argument in a global "last sort" cache used later; pattern: sort contexts remembered for incremental re-sorting */
#define _GNU_SOURCE
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
struct sortctx { int descending; int calls; char field[12]; };
static struct sortctx *g_last_ctx;

static int cmp_ints(const void *a, const void *b, void *arg) {
  struct sortctx *c = arg;
  g_last_ctx = c;                 /* remembered for the next incremental sort */
  c->calls++;
  int x = *(const int *)a, y = *(const int *)b;
  return c->descending ? (y > x) - (y < x) : (x > y) - (x < y);
}

NOINLINE static void sort_scores(int *v, int n) {
  struct sortctx *c = ALLOC(sizeof *c);
  c->descending = 1; c->calls = 0;
  strcpy(c->field, "score");
  qsort_r(v, (size_t)n, sizeof *v, cmp_ints, c);
}

int main(void) {
  int v[] = { 5, 1, 4, 2, 3 };
  sort_scores(v, 5);
  clobber();
  printf("%d %d %d %d %d; last sort by %s desc=%d\n", v[0], v[1], v[2], v[3], v[4], g_last_ctx->field, g_last_ctx->descending);
  return 0;
}
