// Passed to readers: static, recursive, and mutually recursive.
// RUN: %verdicts
#include <stdlib.h>
// CHECK-DAG: reader.c:[[@LINE+1]]: p does not escape
static __attribute__((noinline)) int first(const int *p) { return p[0]; }
// CHECK-DAG: reader.c:[[@LINE+1]]: p does not escape
static __attribute__((noinline)) int sum(const int *p, int n) {
  return n == 0 ? 0 : p[n - 1] + sum(p, n - 1);
}
static int odd(const int *p, int n);
// CHECK-DAG: reader.c:[[@LINE+1]]: p does not escape
static __attribute__((noinline)) int even(const int *p, int n) {
  return n == 0 ? p[0] : odd(p, n - 1);
}
// CHECK-DAG: reader.c:[[@LINE+1]]: p does not escape
static __attribute__((noinline)) int odd(const int *p, int n) {
  return n == 0 ? p[1] : even(p, n - 1);
}
int readers(int n) {
  // CHECK-DAG: reader.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *p = malloc(16);
  p[0] = 1;
  p[1] = 2;
  p[2] = 3;
  p[3] = 4;
  int r = first(p) + sum(p, 4) + even(p, n);
  free(p);
  return r;
}
