// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  ok was computed from the previous iteration's n; the current n is 1000. */
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
static size_t sizes[5] = {10, 20, 1000, 30, 40};
__attribute__((noinline)) long f(void){
  long t = 0; size_t n = sizes[0]; int ok = 0;
  for (int i = 1; i < 5; i++) {
    if (ok) { ALLOC(p, n, 256); if (!p) return -1; memset(p, i, n); t += sum(p, n); FREE(p); }
    ok = n <= 256;
    n = sizes[i];
  }
  return t;
}
__attribute__((noinline)) long g(void){
  long t = 0;
  for (int i = 0; i < 5; i++) {
    size_t n = sizes[i];
    _Bool ok = n <= 256;
    n = n * 4;
    if (ok) { ALLOC(p, n, 256); if (!p) return -1; memset(p, i, n); t += sum(p, n); FREE(p); }
  }
  return t;
}
int main(void){ printf("%ld %ld\n", f(), g()); return 0; }
