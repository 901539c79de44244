// Without debug info: positions are function:+instruction, and one note
// says how to get source lines.
// RUN: %clang -O2 -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s
#include <stdlib.h>
int *keep(void) { return malloc(8); }
int drop(void) { int *p = malloc(8); *p = 1; int r = *p; free(p); return r; }
// CHECK: drop:+{{[0-9]+}}: malloc(8) does not escape
// CHECK: keep:+{{[0-9]+}}: malloc(8) escapes to heap: returned
// CHECK: escape: note: no debug info; positions are function:+instruction. Compile with -g or -gline-tables-only to see source lines.
// CHECK-NOT: note
