// An exported function of a -fPIC module may be replaced when the library
// is loaded: the library's own calls to it go through the PLT, and the
// executable or an LD_PRELOADed library may define it first (clang's default
// for -fPIC leaves such definitions dso_preemptable, and
// -fsemantic-interposition says so outright). Its body says nothing about
// what runs, so calls to it are unknown. Code that says no other definition
// will be bound (-fno-semantic-interposition, hidden visibility, an
// executable's -fPIE or non-PIC code: all dso_local) keeps the summary.
// RUN: %clang -O2 -g -fPIC -fsemantic-interposition -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=INTERPOSE
// RUN: %clang -O2 -g -fPIC -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=INTERPOSE
// RUN: %clang -O2 -g -fPIC -fno-semantic-interposition -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=LOCAL
// RUN: %clang -O2 -g -fPIC -fvisibility=hidden -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=LOCAL
// RUN: %clang -O2 -g -fPIE -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=LOCAL
// RUN: %clang -O2 -g -fno-pic -c %s -o %t.o -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefix=LOCAL
#include <stdlib.h>
int reader(const int *p) { return *p; }
static int local_reader(const int *p) { return p[1]; }
int f(void) {
  // INTERPOSE: interposition.c:[[@LINE+2]]:{{[0-9]+}}: malloc(8) escapes to heap: passed to reader, an exported function, which the dynamic loader may bind to another definition
  // LOCAL: interposition.c:[[@LINE+1]]:{{[0-9]+}}: malloc(8) does not escape
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
