// The pass runs through clang at every optimization level, once per site.
// RUN: %clang -O0 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,O0
// RUN: %clang -O1 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,OPT
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,OPT
// RUN: %clang -O3 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,OPT
// RUN: %clang -Os -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,OPT
// RUN: %clang -Oz -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --check-prefixes=CHECK,OPT
#include <stdlib.h>
int reader(const int *p);
int f(void) {
  // O0: opt_levels.c:[[@LINE+2]]:{{[0-9]+}}: malloc(16) does not escape (not moved: optnone function; compile with -O1 or higher)
  // OPT: opt_levels.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape{{$}}
  int *p = malloc(16);
  *p = 1;
  int r = *p;
  free(p);
  return r;
}
// CHECK-NOT: malloc(16)
