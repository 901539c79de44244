// RUN: %verdicts
#include <stdlib.h>
_Thread_local int *per_thread;
void remember(void) {
  // CHECK: tls.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  int *p = malloc(16);
  per_thread = p;
}
