// A module that defines its own malloc: its calls are not the C library's,
// so nothing is moved; calls to it are ordinary calls.
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s
#include <stddef.h>
static char arena[1 << 16];
static size_t used;
void *malloc(size_t n) {
  void *p = arena + used;
  used += (n + 15) & ~(size_t)15;
  return p;
}
void free(void *p) { (void)p; }
int use(void) {
  int *p = malloc(16);
  *p = 3;
  int r = *p;
  free(p);
  return r;
}
// CHECK-NOT: malloc(16)
// CHECK: p does not escape
