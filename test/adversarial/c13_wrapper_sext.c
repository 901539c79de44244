// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* the plugin inlines the wrapper; its narrow signed parameter sign-extends the bounded value. */
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
#ifdef FORCE_STACK
static char wbuf[199];
static void *xm(signed char n) { (void)n; return wbuf; }
static void xfree(void *p) { (void)p; }
#else
static void *xm(signed char n) { return malloc(n); }
static void xfree(void *p) { free(p); }
#endif
static void *xm2(size_t n) { void *p = malloc(n); if (!p) return NULL; return p; }
__attribute__((noinline)) long f(unsigned char c){
  if (c < 200u) {
    char *p = xm(c);
    if (!p) return -1;
    memset(p, 3, c);
    long r = sum(p, c);
    xfree(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long g(unsigned k){
  if (k < 200u) {
#ifdef FORCE_STACK
    char p_buf[199]; char *p = p_buf; (void)xm2;
#else
    char *p = xm2((int)k - 1);
#endif
    if (!p) return -1;
    memset(p, 3, k ? k - 1 : 4000);
    long r = sum(p, k ? k - 1 : 4000);
    FREE(p);
    return r;
  }
  return 0;
}
static volatile unsigned char in_c[2];
int main(void){ in_c[0] = 100; in_c[1] = 200 - 1 + 1 - 1; in_sz[0] = 0;
  printf("%ld %ld %ld\n", f(in_c[0]), f((unsigned char)(in_c[1] + 0)), g((unsigned)in_sz[0])); return 0; }
