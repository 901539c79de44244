// `p - q` between pointers into one object is an offset: returning it keeps
// the buffer local. Between two objects, q + (p - q) is p again, so the
// difference carries both: p escapes when the rebuilt pointer does.
// RUN: %verdicts
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
char *kept;
long used_length(const char *text) {
  // CHECK-DAG: ptrdiff.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) does not escape
  char *buf = malloc(64);
  strncpy(buf, text, 63);
  buf[63] = 0;
  char *end = buf + strlen(buf);
  long n = end - buf;
  free(buf);
  return n;
}
void rebuilt(void) {
  // CHECK-DAG: ptrdiff.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  char *p = malloc(16);
  // CHECK-DAG: ptrdiff.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) escapes to heap
  char *q = malloc(32);
  long d = p - q; /* not C, but what memory allocators and relocators do */
  kept = q + d;
  free(q);
}
long from_null(char *zero) {
  // CHECK-DAG: ptrdiff.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  char *p = malloc(16);
  kept = (char *)(intptr_t)(p - zero); /* zero == NULL: the address itself */
  return 0;
}
