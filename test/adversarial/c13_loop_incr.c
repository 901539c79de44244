// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  the compare is on the loop variable before it is incremented; malloc uses the incremented value. */
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
__attribute__((noinline)) long f(size_t start){
  long t = 0; size_t i = start;
  while (i <= 256) {
    i += 100;
    ALLOC(p, i, 256);
    if (!p) return -1;
    memset(p, 1, i);
    t += sum(p, i);
    FREE(p);
  }
  return t;
}
__attribute__((noinline)) long g(size_t n){
  long t = 0;
  for (int k = 0; k < 3 && n <= 256; k++, n *= 4) {
    ALLOC(p, n * 2, 256);
    if (!p) return -1;
    memset(p, 1, n * 2);
    t += sum(p, n * 2);
    FREE(p);
  }
  return t;
}
int main(void){ in_sz[0] = 6; in_sz[1] = 200; printf("%ld %ld\n", f(in_sz[0]), g(in_sz[1])); return 0; }
