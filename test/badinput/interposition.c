// Under -fsemantic-interposition an exported function may be replaced when
// the library is loaded, so its body says nothing about what runs: calls to
// it are unknown. Without the flag (clang's default) the body is trusted,
// as LLVM's own optimizations trust it.
// RUN: %clang -O2 -g -fPIC -fsemantic-interposition -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=INTERPOSE
// RUN: %clang -O2 -g -fPIC -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=DEFAULT
#include <stdlib.h>
int reader(const int *p) { return *p; }
static int local_reader(const int *p) { return p[1]; }
int f(void) {
  // INTERPOSE: interposition.c:[[@LINE+2]]:{{[0-9]+}}: malloc(8) escapes to heap: passed to unknown function reader
  // DEFAULT: interposition.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  int *p = malloc(8);
  p[0] = 1;
  p[1] = 2;
  int r = reader(p);
  free(p);
  return r;
}
int g(void) {
  // INTERPOSE: interposition.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
  int *p = malloc(8);
  p[0] = 1;
  p[1] = 2;
  int r = local_reader(p);
  free(p);
  return r;
}
