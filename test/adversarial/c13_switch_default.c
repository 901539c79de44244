// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* switch on n: only the listed cases are bounded, default is not. */
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
__attribute__((noinline)) long f(size_t n){
  switch (n) {
  case 100: case 200: return 1;
  default: {
    ALLOC(p, n, 200);
    if (!p) return -1;
    memset(p, 3, n);
    long r = sum(p, n);
    FREE(p);
    return r; }
  }
}
__attribute__((noinline)) long g(size_t n){
  switch (n & 0xff) {
  case 10: case 20: case 200: {
    ALLOC(p, n, 200);
    if (!p) return -1;
    memset(p, 3, n);
    long r = sum(p, n);
    FREE(p);
    return r; }
  default: return 0;
  }
}
int main(void){ in_sz[0] = 3000; in_sz[1] = 0x1000 + 200; printf("%ld %ld\n", f(in_sz[0]), g(in_sz[1])); return 0; }
