// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  if (n < 100 || extra()) : the body is reached with n = 1000 when extra() is true. */
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
static volatile int flag;
__attribute__((noinline)) int extra(void){ return flag; }
__attribute__((noinline)) long f(size_t n){
  if (n < 100 || extra()) {
    ALLOC(p, n, 99);
    if (!p) return -1;
    memset(p, 3, n);
    long r = sum(p, n);
    FREE(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long g(size_t n){
  if (extra()) goto in;
  if (n <= 200) {
  in: ;
    ALLOC(p, n, 200);
    if (!p) return -1;
    memset(p, 3, n);
    long r = sum(p, n);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_sz[0] = 50; in_sz[1] = 1000; flag = 1; printf("%ld %ld %ld\n", f(in_sz[0]), f(in_sz[1]), g(in_sz[1])); return 0; }
