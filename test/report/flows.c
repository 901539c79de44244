// -escape-m=2: each escape is followed by its flow in Go's layout, other
// refusals name their cause in numbers, and each ends with a remedy.
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
// CHECK-NEXT:{{.*}}flows.c:10:12:   remedy: keep the pointer in a local variable; what a global can reach outlives the function

int *give_back(void) {
  int *q = malloc(24);
  return q;
}
// CHECK-NEXT:{{.*}}flows.c:20:12: malloc(24) escapes to heap: returned
// CHECK-NEXT:{{.*}}flows.c:20:12:   flow: {heap} = q:
// CHECK-NEXT:{{.*}}flows.c:20:12:     from q = malloc(24) at {{.*}}flows.c:20:12
// CHECK-NEXT:{{.*}}flows.c:20:12:     from q (returned) at {{.*}}flows.c:21:3
// CHECK-NEXT:{{.*}}flows.c:20:12:   remedy: let the caller pass in the memory to fill, or return the object by value

void link_in(void) {
  struct node *inner = malloc(sizeof *inner);
  struct node *outer = malloc(sizeof *outer);
  outer->next = inner;
  list_head = outer;
}
// The inner node escapes because the node that holds it does: two hops.
// CHECK-NEXT:{{.*}}flows.c:30:24: malloc(16) escapes to heap: stored into memory that escapes
// CHECK-NEXT:{{.*}}flows.c:30:24:   flow: {heap} = inner:
// CHECK-NEXT:{{.*}}flows.c:30:24:     from inner = malloc(16) at {{.*}}flows.c:30:24
// CHECK-NEXT:{{.*}}flows.c:30:24:     from inner (stored into memory that escapes) at {{.*}}flows.c:32:15
// CHECK-NEXT:{{.*}}flows.c:30:24:   flow: {heap} = outer:
// CHECK-NEXT:{{.*}}flows.c:30:24:     from outer (stored to global or escaping memory) at {{.*}}flows.c:33:13
// CHECK-NEXT:{{.*}}flows.c:30:24:   remedy: the memory that holds it escapes: keep that memory local first (see the flow)
// CHECK-NEXT:{{.*}}flows.c:31:24: malloc(16) escapes to heap: stored to global or escaping memory
// CHECK-NEXT:{{.*}}flows.c:31:24:   flow: {heap} = outer:
// CHECK-NEXT:{{.*}}flows.c:31:24:     from outer = malloc(16) at {{.*}}flows.c:31:24
// CHECK-NEXT:{{.*}}flows.c:31:24:     from outer (stored to global or escaping memory) at {{.*}}flows.c:33:13
// CHECK-NEXT:{{.*}}flows.c:31:24:   remedy: keep the pointer in a local variable; what a global can reach outlives the function

long too_big(void) {
  long *big = malloc(100000);
  big[7] = 7;
  long r = big[7];
  free(big);
  return r;
}
// CHECK-NEXT:{{.*}}flows.c:50:15: malloc(100000) escapes to heap: too large for stack (100000 > 4096 bytes)
// CHECK-NEXT:{{.*}}flows.c:50:15:   remedy: -escape-max-size=100000 or more would move it, or allocate less
// CHECK-NOT: flow:
