// RUN: %verdicts
#include <stdlib.h>
struct holder { char *buf; int n; };
void attach(struct holder *h) {
  // CHECK: caller_field.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored into the caller's memory
  h->buf = malloc(16);
  h->n = 16;
}
