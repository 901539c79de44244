// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO  compares of a function of n (mask, shift, multiply) do not bound n */
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
__attribute__((noinline)) long f_and(size_t n){ if ((n & 0xff) < 100) { ALLOC(p, n, 99); if (!p) return -1; memset(p, 3, n); long r = sum(p, n); FREE(p); return r; } return 0; }
__attribute__((noinline)) long f_mask(size_t n){ if ((n & 0xf00) == 0) { ALLOC(p, n, 255); if (!p) return -1; memset(p, 3, n); long r = sum(p, n); FREE(p); return r; } return 0; }
__attribute__((noinline)) long f_mul(size_t n){ if (n * 4 < 400) { ALLOC(p, n, 99); if (!p) return -1; memset(p, 3, n < 100 ? n : 4000); long r = sum(p, n < 100 ? n : 4000); FREE(p); return r; } return 0; }
__attribute__((noinline)) long f_shr(size_t n){ if ((n >> 4) < 10) { ALLOC(p, n, 10); if (!p) return -1; memset(p, 3, n); long r = sum(p, n); FREE(p); return r; } return 0; }
int main(void){ in_sz[0] = 0x1000 + 20; in_sz[1] = (1ULL << 62) + 1; in_sz[2] = 150;
  printf("%ld %ld %ld %ld\n", f_and(in_sz[0]), f_mask(in_sz[0]), f_mul(in_sz[1]), f_shr(in_sz[2])); return 0; }
