// Never freed, never escapes: the stack slot also fixes the leak.
// RUN: %verdicts
#include <stdlib.h>
int leak(int x) {
  // CHECK: no_free.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  long *p = malloc(8);
  *p = x;
  return (int)*p;
}
