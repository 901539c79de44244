// RUN: %verdicts
#include <stdlib.h>
int *g;
void publish(void) {
  // CHECK: global.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  int *p = malloc(16);
  g = p;
}
