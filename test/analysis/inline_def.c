// A C99 inline definition is not the code that runs: the out-of-line
// definition elsewhere may keep the pointer. Nor is a weak one.
// RUN: %verdicts
#include <stdlib.h>
inline void keep(void *p) { (void)p; }
__attribute__((weak)) void keep_weak(void *p) { (void)p; }
void use_inline(void) {
  // CHECK-DAG: inline_def.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to unknown function keep
  void *p = malloc(16);
  keep(p);
  free(p);
}
void use_weak(void) {
  // CHECK-DAG: inline_def.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap: passed to unknown function keep_weak
  void *p = malloc(17);
  keep_weak(p);
  free(p);
}
