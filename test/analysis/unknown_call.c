// RUN: %verdicts
#include <stdlib.h>
void consume(void *);
void give_away(void) {
  // CHECK: unknown_call.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to unknown function consume
  void *p = malloc(16);
  consume(p);
}
