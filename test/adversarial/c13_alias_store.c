// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* the size lives in memory; a store through an alias (or a call) changes it after the compare. */
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
static size_t *saved;
__attribute__((noinline)) void get(size_t *p){ saved = p; *p = 100; }
__attribute__((noinline)) void grow(void){ *saved = 1000; }
__attribute__((noinline)) long f(size_t *np, size_t *q){
  if (*np <= 256) {
    *q = 1000;
    ALLOC(p, *np, 256);
    if (!p) return -1;
    memset(p, 3, *np);
    long r = sum(p, *np);
    FREE(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long g(void){
  size_t n; get(&n);
  if (n <= 256) {
    grow();
    ALLOC(p, n, 256);
    if (!p) return -1;
    memset(p, 3, n);
    long r = sum(p, n);
    FREE(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long h(size_t n){
  size_t *np = &n;
  if (n <= 256) {
    *(volatile size_t *)np = n * 8;
    ALLOC(p, *np, 256);
    if (!p) return -1;
    memset(p, 3, *np);
    long r = sum(p, *np);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ size_t a = 10; long r1 = f(&a, &a); printf("%ld %ld %ld\n", r1, g(), h(in_sz[0] + 200)); return 0; }
