// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  signed clamp: if (n > 100) n = 100 leaves negative n, malloc(-1) == NULL. */
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
static volatile long in_l[2];
__attribute__((noinline)) long f(long n){
  if (n > 100) n = 100;
  ALLOC(p, n, 100);
  if (!p) return -1;
  size_t m = n >= 0 ? (size_t)n : 4000;
  memset(p, 3, m);
  long r = sum(p, m);
  FREE(p);
  return r;
}
__attribute__((noinline)) long g(int n){
  if (n <= 256) {
    ALLOC(p, n, 256);
    if (!p) return -1;
    size_t m = n >= 0 ? (size_t)n : 4000;
    memset(p, 3, m);
    long r = sum(p, m);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_l[0] = 1000; in_l[1] = -1; printf("%ld %ld %ld\n", f(in_l[0]), f(in_l[1]), g((int)in_l[1])); return 0; }
