// RUN: %verdicts
#include <stdlib.h>
int zeroed(int i) {
  // CHECK: calloc.c:[[@LINE+1]]:{{[0-9]+}}: calloc(4, 8) does not escape
  long *p = calloc(4, 8);
  p[i & 3] = 7;
  long r = p[0] + p[1] + p[2] + p[3];
  free(p);
  return (int)r;
}
