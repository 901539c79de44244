// A callee that returns a pointer into the middle of its argument: the
// caller's store through the result lands in that field, at that offset
// (negative ones too: container_of), and nowhere else.
// RUN: %verdicts
#include <stddef.h>
#include <stdlib.h>
struct pair { void *a; void *b; };
static __attribute__((noinline)) void **second(struct pair *p) { return &p->b; }
void *through_second(void) {
  struct pair pr = {0, 0};
  void **slot = second(&pr);
  // CHECK-DAG: interior.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: returned
  *slot = malloc(16);
  return pr.b;
}

struct link { struct link *next; };
struct item { void *payload; struct link link; };
static __attribute__((noinline)) struct item *item_of(struct link *l) {
  return (struct item *)((char *)l - offsetof(struct item, link));
}
void *container_of_field(void) {
  struct item it = {0, {0}};
  // CHECK-DAG: interior.c:[[@LINE+1]]:{{[0-9]+}}: malloc(24) escapes to heap: returned
  item_of(&it.link)->payload = malloc(24);
  return it.payload;
}

struct vec { long len; void *items[4]; };
static __attribute__((noinline)) void **push(struct vec *v) { return &v->items[v->len++]; }
void *pushed(void) {
  struct vec v = {0, {0}};
  // CHECK-DAG: interior.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) escapes to heap
  *push(&v) = malloc(32);
  return v.items[0];
}

// The exact offset keeps the other fields apart: only b is returned.
void *only_b(void) {
  struct pair pr = {0, 0};
  // CHECK-DAG: interior.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  pr.a = malloc(8);
  void **slot = second(&pr);
  *slot = NULL;
  free(pr.a);
  return pr.b;
}
