// A C99 inline definition is not the code that runs: the out-of-line
// definition elsewhere may keep the pointer. Nor is a weak one. (At -O0
// clang emits no inline body: keep is then only declared.)
// RUN: %verdicts
#include <stdlib.h>
inline void keep(void *p) { (void)p; }
__attribute__((weak)) void keep_weak(void *p) { (void)p; }
void use_inline(void) {
  // CHECK-DAG: inline_def.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to {{unknown function keep|keep, an inline definition: the one that runs is elsewhere}}
  void *p = malloc(16);
  keep(p);
  free(p);
}
void use_weak(void) {
  // CHECK-DAG: inline_def.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap: passed to keep_weak, a weak definition, which another may replace at link time
  void *p = malloc(17);
  keep_weak(p);
  free(p);
}
