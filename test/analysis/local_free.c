// A buffer used locally and freed: moved to the stack.
// RUN: %verdicts
#include <stdlib.h>
int sum(void) {
  // CHECK: local_free.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *p = malloc(16);
  p[0] = 1;
  p[3] = 2;
  int r = p[0] + p[3];
  free(p);
  return r;
}
