// A run-time size that a dominating compare bounds gets a stack slot of the
// bound, without a test: if (n <= 256) p = malloc(n). Only unsigned compares
// of the size itself (or of what was zero-extended to it) count: a signed
// int below 256 may be negative, a huge size_t. A compare whose edge does
// not dominate the site says nothing, and a bound over -escape-max-size is
// no bound.
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__((noinline)) long under(size_t n) {
  long r = 0;
  if (n <= 256) {
    // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (a stack slot of 256 bytes: a compare bounds the size)
    char *p = malloc(n);
    memset(p, 'x', n);
    r = n ? p[n - 1] + (long)n : 0;
    free(p);
  }
  return r;
}

static __attribute__((noinline)) long early_out(size_t n) {
  if (n > 100)
    return -1;
  // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (a stack slot of 100 bytes: a compare bounds the size)
  char *p = malloc(n);
  memset(p, 'y', n);
  long r = n ? p[0] + (long)n : 0;
  free(p);
  return r;
}

static __attribute__((noinline)) long narrow(unsigned k) {
  if (k >= 40)
    return 0;
  // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(k) does not escape (a stack slot of 39 bytes: a compare bounds the size)
  unsigned char *p = malloc(k);
  for (unsigned i = 0; i < k; i++)
    p[i] = (unsigned char)i;
  long r = k ? p[k - 1] : 0;
  free(p);
  return r;
}

static __attribute__((noinline)) long signed_bound(int n) {
  long r = 0;
  if (n < 256) {
    // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
    char *p = malloc((size_t)n);
    if (!p)
      return -2;
    memset(p, 'z', (size_t)n);
    r = n > 0 ? p[n - 1] + n : 0;
    free(p);
  }
  return r;
}

static __attribute__((noinline)) long merged(size_t n, int c) {
  if (c && n > 8)
    n = 8;
  // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
  char *p = malloc(n);
  memset(p, 'w', n);
  long r = n ? p[n - 1] + (long)n : 0;
  free(p);
  return r;
}

static __attribute__((noinline)) long too_big(size_t n) {
  if (n >= 100000)
    return 0;
  // CHECK: bounded.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
  char *p = malloc(n);
  memset(p, 'v', n);
  long r = n ? p[n - 1] + (long)n : 0;
  free(p);
  return r;
}

int main(void) {
  long t = 0;
  for (size_t n = 0; n < 400; n += 7)
    t += under(n) + early_out(n) + narrow((unsigned)n) + signed_bound((int)n) +
         merged(n, (int)(n & 1)) + too_big(n * 300);
  printf("%ld\n", t);
  return 0;
}
