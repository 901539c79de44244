// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* n <= 256 then malloc(n - 1): n == 0 gives malloc(SIZE_MAX) == NULL. */
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
  if (n <= 256) {
    ALLOC(p, n - 1, 255);
    if (!p) return -1;
    size_t m = n - 1 < 255 ? n - 1 : 4000;
    memset(p, 3, m);
    long r = sum(p, m);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_sz[0] = 100; in_sz[1] = 0; printf("%ld %ld\n", f(in_sz[0]), f(in_sz[1])); return 0; }
