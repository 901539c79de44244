// Pointer arithmetic, a NULL check, a free through the original pointer.
// RUN: %verdicts
#include <stdlib.h>
int third(int v) {
  // CHECK: arith_null.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) does not escape
  char *p = malloc(64);
  if (!p)
    return -1;
  char *q = p + 8;
  q[3] = (char)v;
  int r = *(q + 3) + (q - p);
  free(p);
  return r;
}
