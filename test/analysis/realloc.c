// RUN: %verdicts
#include <stdlib.h>
int grow(void) {
  // CHECK: realloc.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to realloc
  int *p = malloc(16);
  p[0] = 1;
  // CHECK: realloc.c:[[@LINE+1]]:{{[0-9]+}}: realloc(p, 32) escapes to heap: realloc'd memory is never moved
  int *q = realloc(p, 32);
  if (!q)
    return 0;
  int r = q[0];
  free(q);
  return r;
}
