// Sites and flow steps are described as the source wrote them: a member
// loaded through a pointer is p->member (not p), arithmetic keeps C's
// precedence, and a value without a variable is its expression (never a
// made-up name such as "value").
// RUN: %clang -O0 -g -c %s -o /dev/null -mllvm -escape-m=2 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=2 2>&1 | FileCheck %s
#include <stdlib.h>
struct vec { int *data; size_t len, cap; };
struct outer { long tag; struct vec v; };

void grow(struct vec *v) {
  v->data = realloc(v->data, (v->cap * 2 + 1) * sizeof *v->data);
}
// CHECK: describe.c:[[@LINE-2]]:13: realloc(v->data, (v->cap * 2 + 1) * 4) escapes to heap

void grow_nested(struct outer *o) {
  o->v.data = realloc(o->v.data, 64);
}
// CHECK: describe.c:[[@LINE-2]]:15: realloc(o->v.data, 64) escapes to heap

void stash(void *);
void offset(void) {
  char *c = malloc(16);
  stash(c + 4);
}
// CHECK: describe.c:[[@LINE-3]]:13: malloc(16) escapes to heap: passed to unknown function stash
// CHECK: from (char *)c + 4 (passed to unknown function stash) at {{.*}}describe.c:[[@LINE-3]]:3
// CHECK-NOT: from value
