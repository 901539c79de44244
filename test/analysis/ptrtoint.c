// RUN: %verdicts
#include <stdint.h>
#include <stdlib.h>
uintptr_t saved;
int stash(void) {
  // CHECK: ptrtoint.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: stored to global or escaping memory
  int *p = malloc(16);
  *p = 1;
  saved = (uintptr_t)p;
  return *p;
}
int compare_only(int *other) {
  // CHECK: ptrtoint.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *p = malloc(16);
  *p = 2;
  int r = (uintptr_t)p == (uintptr_t)other ? 0 : *p;
  free(p);
  return r;
}
