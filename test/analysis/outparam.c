// RUN: %verdicts
#include <stdlib.h>
// CHECK-DAG: outparam.c:[[@LINE+1]]: out does not escape
void make(int **out) {
  // CHECK-DAG: outparam.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored into the caller's memory
  *out = malloc(16);
}
