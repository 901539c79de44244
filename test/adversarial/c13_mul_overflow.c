// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* n <= 0x2000000000000001 and malloc(n * 8): the bound times 8 wraps to 8; n = 2^60+32 allocates 256. */
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
  if (n <= 0x2000000000000001ull) {
    size_t sz = n * 8;
    ALLOC(p, sz, 8);
    if (!p) return -1;
    memset(p, 3, sz);
    long r = sum(p, sz);
    FREE(p);
    return r;
  }
  return 0;
}
__attribute__((noinline)) long g(size_t n){
  if (n <= 0x2000000000000001ull) {
    ALLOC(p, n * 8 + 8, 16);
    if (!p) return -1;
    memset(p, 3, n * 8 + 8);
    long r = sum(p, n * 8 + 8);
    FREE(p);
    return r;
  }
  return 0;
}
int main(void){ in_sz[0] = (1ULL << 60) + 32; in_sz[1] = 0x2000000000000001ull - 31; printf("%ld %ld\n", f(in_sz[0]), g(in_sz[1])); return 0; }
