// Pointers that leave by roundabout ways. Each must stay on the heap: if the
// analysis missed one, the sanitizer build would report a use after return
// and the output would change. The verdicts are checked too.
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct pair { long *p; long n; };
struct node { struct node *next; long *p; };
static long *g_ptr;
static struct pair g_pair;
static uintptr_t g_bits;
static struct node *g_node;

static void clobber_stack(void) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (char)i;
}

// (a) stored in a local struct that is then copied to a global by memcpy
__attribute__((noinline)) void via_struct_copy(long v) {
  struct pair local;
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  local.p = malloc(sizeof(long));
  *local.p = v;
  local.n = 1;
  memcpy(&g_pair, &local, sizeof local);
}

// (c) handed out through a callee's out-parameter, then published
static __attribute__((noinline)) void get(long **out, long *p) { *out = p; }
__attribute__((noinline)) void via_out_param(long v) {
  long *q;
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  long *p = malloc(sizeof *p);
  *p = v;
  get(&q, p);
  g_ptr = q;
}

// (e) a callee publishes what lies two levels below its parameter
static __attribute__((noinline)) void publish_deep(struct node *n) { g_ptr = n->next->p; }
__attribute__((noinline)) void via_deep(long v) {
  struct node a, b;
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  b.p = malloc(sizeof(long));
  *b.p = v;
  b.next = NULL;
  a.next = &b;
  a.p = NULL;
  publish_deep(&a);
}

// (f) a callee returns what lies below its parameter; the caller publishes it
static __attribute__((noinline)) long *inner(struct node *n) { return n->p; }
__attribute__((noinline)) void via_returned_content(long v) {
  struct node a;
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  a.p = malloc(sizeof(long));
  *a.p = v;
  a.next = NULL;
  g_ptr = inner(&a);
}

// (h) the pointer's bits hidden by xor, then restored
__attribute__((noinline)) void via_xor(long v) {
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  long *p = malloc(sizeof *p);
  *p = v;
  g_bits = (uintptr_t)p ^ 0x5a5a5a5aul;
}

// (n) two memcpys through a local buffer
__attribute__((noinline)) void via_two_copies(long v) {
  char buf[sizeof(long *)];
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  long *p = malloc(sizeof *p);
  *p = v;
  memcpy(buf, &p, sizeof p);
  memcpy(&g_ptr, buf, sizeof p);
}

// (o) as an integer in a struct returned by value
struct handle { uintptr_t bits; long tag; };
static __attribute__((noinline)) struct handle wrap(long v) {
  struct handle h;
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  long *p = malloc(sizeof *p);
  *p = v;
  h.bits = (uintptr_t)p;
  h.tag = v;
  return h;
}

// (d) linked from a node whose own address goes to a global
__attribute__((noinline)) void via_linked_node(long v) {
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  struct node *n = malloc(sizeof *n);
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  n->p = malloc(sizeof(long));
  *n->p = v;
  n->next = NULL;
  g_node = n;
}

// (e) rebuilt from another object's address plus the difference of the two
__attribute__((noinline)) void via_difference(long v) {
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap
  long *p = malloc(sizeof *p);
  // CHECK-DAG: adversarial.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) escapes to heap
  char *q = malloc(64);
  *p = v;
  intptr_t d = (intptr_t)p - (intptr_t)q;
  g_ptr = (long *)(q + d);
  free(q);
}

int main(void) {
  long sum = 0;
  via_struct_copy(1);   clobber_stack(); sum += *g_pair.p; free(g_pair.p);
  via_out_param(2);     clobber_stack(); sum += *g_ptr; free(g_ptr);
  via_deep(3);          clobber_stack(); sum += *g_ptr; free(g_ptr);
  via_returned_content(4); clobber_stack(); sum += *g_ptr; free(g_ptr);
  via_xor(5);           clobber_stack(); sum += *(long *)(g_bits ^ 0x5a5a5a5aul);
  free((long *)(g_bits ^ 0x5a5a5a5aul));
  via_two_copies(6);    clobber_stack(); sum += *g_ptr; free(g_ptr);
  struct handle h = wrap(7); clobber_stack(); sum += *(long *)h.bits; free((long *)h.bits);
  via_linked_node(8);   clobber_stack(); sum += *g_node->p; free(g_node->p); free(g_node);
  via_difference(9);    clobber_stack(); sum += *g_ptr; free(g_ptr);
  printf("%ld\n", sum);
  return 0;
}
