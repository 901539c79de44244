// RUN: %verdicts
#include <stdlib.h>
struct pair { int *ptr; long n; };
struct pair make_pair(void) {
  struct pair p;
  // CHECK: struct_by_value.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: {{returned|stored into the caller's memory}}
  p.ptr = malloc(16);
  p.n = 4;
  return p;
}
struct big { int *ptr; long pad[8]; };
struct big make_big(void) {
  struct big b = {0};
  // CHECK: struct_by_value.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) escapes to heap: {{returned|stored into the caller's memory}}
  b.ptr = malloc(32);
  return b;
}
