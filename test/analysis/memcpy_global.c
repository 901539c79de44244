// The pointer's bits copied into a global by memcpy.
// RUN: %verdicts
#include <stdlib.h>
#include <string.h>
void *slot;
void copy_out(void) {
  // CHECK: memcpy_global.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  void *p = malloc(16);
  memcpy(&slot, &p, sizeof p);
}
