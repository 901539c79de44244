// RUN: %verdicts
#include <stdlib.h>
int hidden(void) {
  // CHECK: inline_asm.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to inline assembly
  int *p = malloc(16);
  *p = 1;
  __asm__ volatile("" : : "r"(p) : "memory");
  int r = *p;
  free(p);
  return r;
}
