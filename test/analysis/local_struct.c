// A pointer stored into a local struct and a local array that never leave.
// RUN: %verdicts
#include <stdlib.h>
struct holder { int *data; int n; };
int via_struct(int v) {
  struct holder h;
  // CHECK: local_struct.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  h.data = malloc(16);
  h.n = 4;
  h.data[1] = v;
  int r = h.data[1] + h.n;
  free(h.data);
  return r;
}
int via_array(int v) {
  int *slots[2];
  // CHECK: local_struct.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  slots[0] = malloc(8);
  // CHECK: local_struct.c:[[@LINE+1]]:{{[0-9]+}}: malloc(12) does not escape
  slots[1] = malloc(12);
  slots[0][0] = v;
  slots[1][0] = v + 1;
  int r = slots[0][0] + slots[1][0];
  free(slots[0]);
  free(slots[1]);
  return r;
}
