// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  n + 10 < 250 does not bound n: n = SIZE_MAX-5 wraps to 4. malloc(huge) returns NULL. */
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
  if (n + 10 < 250) {
    ALLOC(p, n, 239);
    if (!p) return -1;
    memset(p, 3, n < 239 ? n : 4000);
    long r = sum(p, n < 239 ? n : 4000);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_sz[0] = 100; in_sz[1] = SIZE_MAX - 5; printf("%ld %ld\n", f(in_sz[0]), f(in_sz[1])); return 0; }
