// The solver's work budget (-escape-max-work, steps per instruction): past
// it a function's verdicts are withheld (its sites stay on the heap, with the
// reason), and its callers take it for a function whose body is unknown.
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=ENOUGH
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=2 -mllvm -escape-max-work=1 2>&1 | FileCheck %s --check-prefix=SHORT
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=2 -mllvm -escape-max-work=5 2>&1 | FileCheck %s --check-prefix=CALLEE
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-max-work=1 -mllvm -escape-stats=%t.stats
// RUN: FileCheck %s --check-prefix=STATS < %t.stats
// At 5 steps per instruction the callee runs out and the caller does not
// (steps counted, not time: the same on every machine).
#include <stdlib.h>

// Dense work: every pointer read from the list may be any of the others.
struct link { struct link *prev, *next; long value; };
// ENOUGH: budget.c:[[@LINE+4]]: leaking param content: head
// ENOUGH: budget.c:[[@LINE+3]]: v does not escape
// CALLEE: budget.c:[[@LINE+2]]: leaking param: head (analysis budget exceeded)
// CALLEE: budget.c:[[@LINE+1]]: leaking param: v (analysis budget exceeded)
__attribute__((noinline)) long rotate(struct link *head, long *v) {
  struct link *a = head->next, *b = a->next, *c = b->next;
  a->next->prev = a->prev;
  b->prev->next = c;
  c->next->prev = b->next;
  a->prev = c->next->next;
  return v[0] + a->value + b->value + c->next->value;
}

long total(int n) {
  struct link list = {&list, &list, 0};
  // ENOUGH: budget.c:[[@LINE+3]]:{{[0-9]+}}: malloc(64) does not escape
  // CALLEE: budget.c:[[@LINE+2]]:{{[0-9]+}}: malloc(64) escapes to heap: passed to rotate, whose analysis exceeded its budget
  // SHORT: budget.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) escapes to heap: analysis budget exceeded (-escape-max-work=1 steps per instruction)
  long *v = malloc(8 * sizeof *v);
  for (int i = 0; i < 8; i++)
    v[i] = i * n;
  long r = rotate(&list, v);
  free(v);
  return r;
}
// SHORT: remedy: split the function, or raise -escape-max-work
// CALLEE: remedy: split rotate, or raise -escape-max-work
// STATS: sites=1{{[[:space:]]}}moved=0{{[[:space:]]}}analysis-budget=1
