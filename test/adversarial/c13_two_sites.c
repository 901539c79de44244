// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  two bounded sites with different bounds, lifetimes overlapping and disjoint; a shared or
   undersized slot would corrupt the first buffer or overflow. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#ifdef FORCE_STACK
#define ALLOC(var, sz, claimed) char var##_buf[claimed]; char *var = var##_buf
#define FREE(var) ((void)0)
#else
#define ALLOC(var, sz, claimed) char *var = malloc(sz)
#define FREE(var) free(var)
#endif
static volatile size_t in_sz[8];
static long sum(const char *p, size_t n){ long s = 0; for (size_t i = 0; i < n; i++) s += p[i]; return s; }
__attribute__((noinline)) long f(size_t n, size_t m){
  long t = 0;
  if (n <= 64 + 36) {
    ALLOC(p, n, 100);
    memset(p, 1, n);
    if (m <= 300) {
      ALLOC(q, m, 100);
      memset(q, 2, m);
      t += sum(p, n) * 1000 + sum(q, m);
      FREE(q);
    }
    t += sum(p, n);
    FREE(p);
  }
  if (m <= 300) {
    ALLOC(r, m, 100);
    memset(r, 5, m);
    t += sum(r, m);
    FREE(r);
  }
  return t;
}
int main(void){ in_sz[0] = 100; in_sz[1] = 300; printf("%ld\n", f(in_sz[0], in_sz[1])); return 0; }
