// free() of a phi that holds this allocation or another pointer.
// RUN: %verdicts
#include <stdlib.h>
int maybe_other(int c, int *other) {
  // CHECK: free_phi.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: freed through a pointer that may hold other memory
  int *p = malloc(16);
  *p = c;
  int r = *p;
  free(c ? p : other);
  return r;
}
