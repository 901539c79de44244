// Every conversion and every escape route in one program; its output must
// not change with the plugin. The verdicts are checked too, so that the
// test fails if the plugin stops moving (or starts moving) something.
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct node { long value; struct node *next; };
struct holder { char *buf; size_t len; };

static long *global_keep;
static uintptr_t global_bits;
static unsigned long checksum;

static void mix(unsigned long v) { checksum = checksum * 31 + v; }

static __attribute__((noinline)) long total(const struct node *n) {
  long s = 0;
  for (; n; n = n->next)
    s += n->value;
  return s;
}
static __attribute__((noinline)) void release(void *p) { free(p); }
static __attribute__((noinline)) long *pass(long *p) { return p; }
static __attribute__((noinline)) void fill(struct holder *h, size_t n) {
  h->buf = malloc(n); // CHECK-DAG: routes.c:[[@LINE]]:{{[0-9]+}}: malloc(n) escapes to heap: stored into the caller's memory
  memset(h->buf, 'x', n);
  h->len = n;
}

long converted(int round) {
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
  struct node *a = malloc(sizeof *a);
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: calloc(1, 16) does not escape
  struct node *b = calloc(1, sizeof *b);
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: aligned_alloc(64, 128) does not escape
  long *v = aligned_alloc(64, 128);
  long *w = NULL;
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: posix_memalign(&w, 32, 64) does not escape
  if (posix_memalign((void **)&w, 32, 64) != 0)
    return -1;
  a->value = round;
  a->next = b;
  b->value += 2;
  for (int i = 0; i < 16; i++)
    v[i] = i * round;
  w[0] = 1; // not (uintptr_t)v % 64 == 0: address bits in the result escape v
  long *same = pass(w);
  same[1] = total(a) + v[15];
  long r = w[0] + w[1];
  free(w);
  free(v);
  free(b);
  free(a);
  return r;
}

long *escaping(int round, struct holder *h) {
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) escapes to heap: returned
  long *ret = malloc(sizeof *ret);
  *ret = round;
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(24) escapes to heap: stored to global or escaping memory
  long *g = malloc(24);
  g[0] = round;
  free(global_keep);
  global_keep = g;
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) escapes to heap: freed by a callee
  long *byfn = malloc(32);
  byfn[0] = round;
  mix((unsigned long)byfn[0]);
  release(byfn);
  // CHECK-DAG: routes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(40) escapes to heap: stored to global or escaping memory
  long *bits = malloc(40);
  bits[0] = 7;
  global_bits = (uintptr_t)bits;
  fill(h, (size_t)round + 1);
  return ret;
}

int main(void) {
  long sum = 0;
  for (int round = 1; round <= 1000; round++) {
    struct holder h;
    sum += converted(round);
    long *r = escaping(round, &h);
    sum += *r + (long)h.len + h.buf[0];
    free(r);
    free(h.buf);
    free((void *)global_bits);
  }
  mix((unsigned long)sum);
  mix((unsigned long)*global_keep);
  free(global_keep);
  printf("sum=%ld checksum=%lu\n", sum, checksum);
  return 0;
}
