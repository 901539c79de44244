// RUN: %verdicts
#include <stdarg.h>
#include <stdlib.h>
void logv(const char *fmt, ...);
static __attribute__((noinline)) int first_int(int n, ...) {
  va_list ap;
  va_start(ap, n);
  int *p = va_arg(ap, int *);
  va_end(ap);
  return *p;
}
void to_unknown_variadic(void) {
  // CHECK: variadic.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed as a variadic argument to logv
  int *p = malloc(16);
  logv("%p", p);
}
int to_defined_variadic(void) {
  // CHECK: variadic.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed as a variadic argument to first_int
  int *p = malloc(16);
  *p = 3;
  return first_int(1, p);
}
