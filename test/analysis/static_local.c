// RUN: %verdicts
#include <stdlib.h>
int counter(void) {
  static int *cache;
  // CHECK: static_local.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  int *p = malloc(16);
  *p = 1;
  cache = p;
  return *cache;
}
