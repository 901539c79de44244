// RUN: %verdicts
#include <stdlib.h>
void through(void (*fn)(int *)) {
  // CHECK: fnptr.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to a call through a function pointer
  int *p = malloc(16);
  fn(p);
  free(p);
}
