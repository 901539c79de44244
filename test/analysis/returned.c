// RUN: %verdicts
#include <stdlib.h>
int *make(void) {
  // CHECK: returned.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: returned
  int *p = malloc(16);
  return p;
}
