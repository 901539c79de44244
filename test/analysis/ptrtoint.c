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
// Two pointers compared say nothing of either address: only undefined
// behaviour makes a pointer based on other equal to p.
int compare_other(int *other) {
  // CHECK: ptrtoint.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  int *p = malloc(16);
  *p = 2;
  int r = (uintptr_t)p == (uintptr_t)other ? 0 : *p;
  free(p);
  return r;
}
// Within one object a compare is an offset; with null, nothing.
int compare_within(int n) {
  // CHECK: ptrtoint.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) does not escape
  int *p = malloc(64);
  int *end = p + (n & 15), r = 0;
  for (int *q = p; q < end && (uintptr_t)q != (uintptr_t)end; q++)
    *q = r++;
  if (p == NULL)
    r = -1;
  free(p);
  return r;
}
