// Sites freed through one pointer (p = c ? malloc(16) : malloc(32); free(p))
// move together when every site the free may receive moves, and stay on the
// heap together when one of them cannot move (too large, or a run-time size
// whose free would have to tell its buffer from the heap).
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__((noinline)) int pick(int c) {
  // CHECK: groups.c:[[@LINE+2]]:{{[0-9]+}}: malloc(16) does not escape
  // CHECK: groups.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) does not escape
  char *p = c ? malloc(16) : malloc(32);
  memset(p, c, 16);
  int r = p[3] + c;
  free(p);
  return r;
}

// Each of x and y may be either of a and b: both frees go, once each.
static __attribute__((noinline)) int swap(int c) {
  // CHECK: groups.c:[[@LINE+3]]:{{[0-9]+}}: malloc(8) does not escape
  // CHECK: groups.c:[[@LINE+2]]:{{[0-9]+}}: malloc(8) does not escape
  // CHECK: groups.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  char *a = malloc(8), *b = malloc(8), *d = malloc(8);
  a[0] = 1;
  b[0] = 2;
  d[0] = 3;
  char *x = c & 1 ? a : b;
  char *y = x == a ? b : a;
  int r = x[0] * 10 + y[0] + d[0];
  free(x);
  free(y);
  free(d);
  return r;
}

static __attribute__((noinline)) int big(int c) {
  // CHECK: groups.c:[[@LINE+2]]:{{[0-9]+}}: malloc(16) escapes to heap: freed through a pointer that may hold an allocation that stays on the heap at {{.*}}groups.c:[[@LINE+5]]:3
  // CHECK: groups.c:[[@LINE+1]]:{{[0-9]+}}: malloc(100000) escapes to heap: too large for stack
  char *p = c ? malloc(16) : malloc(100000);
  memset(p, 7, 16);
  int r = p[c];
  free(p);
  return r;
}

static __attribute__((noinline)) int sized(int c, size_t n) {
  // CHECK: groups.c:[[@LINE+2]]:{{[0-9]+}}: malloc(16) escapes to heap: freed through a pointer that may hold an allocation that stays on the heap
  // CHECK: groups.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) escapes to heap: freed through a pointer that may hold an allocation that stays on the heap
  char *p = c ? malloc(16) : malloc(n);
  memset(p, 5, n < 16 ? n : 16);
  int r = p[0] + c;
  free(p);
  return r;
}

// One of the two is kept in a global: the free may receive it, and the
// other stays too.
static char *kept;

static __attribute__((noinline)) int one_kept(int c) {
  char *a = malloc(16);
  // CHECK: groups.c:[[@LINE+1]]:{{[0-9]+}}: malloc(24) escapes to heap: stored to global or escaping memory
  char *b = malloc(24);
  kept = b;
  char *p = c ? a : b;
  p[0] = 1;
  int r = p[0];
  free(p);
  if (c)
    free(b);
  else
    free(a);
  kept = NULL;
  return r;
}

int main(void) {
  int t = 0;
  for (int i = 0; i < 20; i++)
    t += pick(i & 1) + swap(i) + big(i & 1) + sized(i & 1, (size_t)i * 10 + 1) + one_kept(i & 1);
  printf("%d\n", t);
  return 0;
}
