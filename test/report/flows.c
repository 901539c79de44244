// -escape-m=2: each escape is followed by the flow that caused it, in Go's
// layout; refusals that are not flows name their cause in numbers.
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=2 2>&1 | FileCheck %s --match-full-lines --strict-whitespace
#include <stdlib.h>
struct node { struct node *next; long v; };
int *global;
struct node *list_head;

void store_global(void) {
  int *p = malloc(16);
  global = p;
}
// CHECK:{{.*}}flows.c:10:12: malloc(16) escapes to heap: stored to global or escaping memory
// CHECK-NEXT:{{.*}}flows.c:10:12:   flow: {heap} = p:
// CHECK-NEXT:{{.*}}flows.c:10:12:     from p = malloc(16) at {{.*}}flows.c:10:12
// CHECK-NEXT:{{.*}}flows.c:10:12:     from p (stored to global or escaping memory) at {{.*}}flows.c:11:10

int *give_back(void) {
  int *q = malloc(24);
  return q;
}
// CHECK-NEXT:{{.*}}flows.c:19:12: malloc(24) escapes to heap: returned
// CHECK-NEXT:{{.*}}flows.c:19:12:   flow: {heap} = q:
// CHECK-NEXT:{{.*}}flows.c:19:12:     from q = malloc(24) at {{.*}}flows.c:19:12
// CHECK-NEXT:{{.*}}flows.c:19:12:     from q (returned) at {{.*}}flows.c:20:3

void link_in(void) {
  struct node *inner = malloc(sizeof *inner);
  struct node *outer = malloc(sizeof *outer);
  outer->next = inner;
  list_head = outer;
}
// The inner node escapes because the node that holds it does: two hops.
// CHECK-NEXT:{{.*}}flows.c:28:24: malloc(16) escapes to heap: stored into memory that escapes
// CHECK-NEXT:{{.*}}flows.c:28:24:   flow: {heap} = inner:
// CHECK-NEXT:{{.*}}flows.c:28:24:     from inner = malloc(16) at {{.*}}flows.c:28:24
// CHECK-NEXT:{{.*}}flows.c:28:24:     from inner (stored into memory that escapes) at {{.*}}flows.c:30:15
// CHECK-NEXT:{{.*}}flows.c:28:24:   flow: {heap} = outer:
// CHECK-NEXT:{{.*}}flows.c:28:24:     from outer (stored to global or escaping memory) at {{.*}}flows.c:31:13
// CHECK-NEXT:{{.*}}flows.c:29:24: malloc(16) escapes to heap: stored to global or escaping memory
// CHECK-NEXT:{{.*}}flows.c:29:24:   flow: {heap} = outer:
// CHECK-NEXT:{{.*}}flows.c:29:24:     from outer = malloc(16) at {{.*}}flows.c:29:24
// CHECK-NEXT:{{.*}}flows.c:29:24:     from outer (stored to global or escaping memory) at {{.*}}flows.c:31:13

long too_big(void) {
  long *big = malloc(100000);
  big[7] = 7;
  long r = big[7];
  free(big);
  return r;
}
// CHECK-NEXT:{{.*}}flows.c:46:15: malloc(100000) escapes to heap: too large for stack (100000 > 4096 bytes)
// CHECK-NOT: flow:
