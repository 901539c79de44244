// RUN: %verdicts
#include <stdlib.h>
struct point { double x, y; };
double norm1(double a, double b) {
  // CHECK: struct_ptr.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct point *p = malloc(sizeof *p);
  p->x = a;
  p->y = b;
  double r = (p->x < 0 ? -p->x : p->x) + (p->y < 0 ? -p->y : p->y);
  free(p);
  return r;
}
