// __attribute__((annotate("escape.stack"))) promises a function's
// allocations the stack: each one that stays on the heap fails the compile
// with its reason and remedy, at its position; the others compile as usual,
// and so does a function without the mark. -escape-report-only keeps the
// promise (what would move is not an error).
// RUN: not %clang -O2 -g -c %s -o /dev/null 2>&1 | FileCheck %s --implicit-check-not=error:
// RUN: %clang -O2 -g -c %s -o /dev/null -DKEPT 2>&1 | count 0
// RUN: %clang -O2 -g -c %s -o /dev/null -DKEPT -mllvm -escape-report-only 2>&1 | count 0
// RUN: %clang-noplugin -O2 -g -S -emit-llvm -Xclang -disable-llvm-passes %s -o %t.ll
// RUN: not %opt -passes='function(sroa),escape' -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=OPT
#include <stdlib.h>
void stash(void *);
#define ON_STACK __attribute__((annotate("escape.stack")))

ON_STACK int kept(int n) {
  int *fixed = malloc(16);
  fixed[0] = n;
  int r = fixed[0];
  free(fixed);
  return r;
}

#ifndef KEPT
ON_STACK int broken(int n) {
  int *sized = malloc(n);
  // CHECK: promise.c:[[@LINE-1]]:16: error: malloc(n) stays on the heap in broken, which is marked escape.stack: passed to unknown function stash; remedy: define stash in this file
  // OPT: error: {{.*}}promise.c:[[@LINE-2]]:16: {{.*}}malloc(n) stays on the heap in broken, which is marked escape.stack
  stash(sized);
  char *big = malloc(8192);
  // CHECK: promise.c:[[@LINE-1]]:15: error: malloc(8192) stays on the heap in broken, which is marked escape.stack: too large for stack (8192 > 4096 bytes); remedy: -escape-max-size=8192 or more would move it
  big[0] = 1;
  int r = big[0];
  free(big);
  return r;
}
#endif

int unmarked(void) { int *p = malloc(8); stash(p); return 0; }
