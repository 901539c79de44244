// RUN: %verdicts
#include <stdlib.h>
// CHECK-DAG: freed_by_callee.c:[[@LINE+1]]: p is freed
static __attribute__((noinline)) void release(int *p) { free(p); }
int use_then_release(int v) {
  // CHECK-DAG: freed_by_callee.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: freed by a callee at {{.*}}freed_by_callee.c:[[@LINE+4]]
  int *p = malloc(16);
  *p = v;
  int r = *p;
  release(p);
  return r;
}
