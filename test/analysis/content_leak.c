// `return n->next` leaks the parameter's content to the result (level=1).
// RUN: %verdicts
#include <stdlib.h>
struct node { struct node *next; long v; };
// CHECK-DAG: content_leak.c:[[@LINE+1]]: leaking param: n to result ~r0 level=1
static __attribute__((noinline)) struct node *next_of(struct node *n) { return n->next; }
long walk(long v) {
  // CHECK-DAG: content_leak.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct node *a = malloc(sizeof *a);
  // CHECK-DAG: content_leak.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct node *b = malloc(sizeof *b);
  a->next = b;
  b->v = v;
  long r = next_of(a)->v;
  free(b);
  free(a);
  return r;
}
