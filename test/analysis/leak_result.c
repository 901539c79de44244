// Passed through a function that returns it: fine while the result stays
// local, escapes once the result is stored globally.
// RUN: %verdicts
#include <stdlib.h>
int *kept;
// CHECK-DAG: leak_result.c:[[@LINE+1]]: leaking param: p to result ~r0 level=0
static __attribute__((noinline)) int *pass(int *p) { return p; }
int local_result(int v) {
  // CHECK-DAG: leak_result.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *p = malloc(16);
  int *q = pass(p);
  *q = v;
  int r = *p;
  free(p);
  return r;
}
void global_result(void) {
  // CHECK-DAG: leak_result.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  int *p = malloc(16);
  kept = pass(p);
}
