// Objects linked through each other, none leaving the function.
// RUN: %verdicts
#include <stdlib.h>
struct node { long value; struct node *next; };
long chain(long a, long b) {
  // CHECK: linked.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct node *first = malloc(sizeof *first);
  // CHECK: linked.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct node *second = malloc(sizeof *second);
  first->value = a;
  first->next = second;
  second->value = b;
  second->next = NULL;
  long r = 0;
  for (struct node *n = first; n; n = n->next)
    r += n->value;
  free(second);
  free(first);
  return r;
}
