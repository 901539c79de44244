// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  (unsigned char)c < 200 but malloc(c) sign-extends: c = -100 -> malloc(SIZE_MAX-99) == NULL. */
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
static volatile signed char in_c[2];
__attribute__((noinline)) long f(signed char c){
  if ((unsigned char)c < 200u) {
    ALLOC(p, c, 199);
    if (!p) return -1;
    size_t m = (unsigned char)c;
    memset(p, 3, m);
    long r = sum(p, m);
    FREE(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long g(unsigned char c){
  if (c < 200u) {
    ALLOC(p, (signed char)c, 199);
    if (!p) return -1;
    memset(p, 3, c);
    long r = sum(p, c);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_c[0] = 100; in_c[1] = -100; printf("%ld %ld %ld\n", f(in_c[0]), f(in_c[1]), g((unsigned char)in_c[1])); return 0; }
