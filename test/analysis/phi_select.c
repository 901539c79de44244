// Two allocations merged by a phi or select: fine while each free frees one,
// and fine when a free may free either: they move together.
// RUN: %verdicts
#include <stdlib.h>
int pick(int c) {
  // CHECK: phi_select.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *a = malloc(16);
  // CHECK: phi_select.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) does not escape
  int *b = malloc(32);
  int *p = c ? a : b;
  *p = 5;
  int r = *a + *b;
  free(a);
  free(b);
  return r;
}
int pick_and_free(int c) {
  // CHECK: phi_select.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *a = malloc(16);
  // CHECK: phi_select.c:[[@LINE+1]]:{{[0-9]+}}: malloc(24) does not escape
  int *b = malloc(24);
  *a = 1;
  *b = 2;
  int *p;
  if (c) {
    p = a;
    free(b);
  } else {
    p = b;
    free(a);
  }
  int r = *p;
  free(p);
  return r;
}
