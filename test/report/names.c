// Sites are described with the source's names: variables, &variables and
// small expressions, at -O0 and -O2; parameters with their source names.
// RUN: %clang -O0 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s
#include <stdlib.h>
void sizes(int n, size_t count, long *out) {
  // CHECK-DAG: names.c:6: out does not escape
  // CHECK-DAG: names.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape
  char *a = malloc(n);
  // CHECK-DAG: names.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n * 4) does not escape
  int *b = malloc((size_t)n * sizeof *b);
  // CHECK-DAG: names.c:[[@LINE+1]]:{{[0-9]+}}: calloc(count, 8) does not escape
  long *c = calloc(count, sizeof *c);
  void *w = NULL;
  // CHECK-DAG: names.c:[[@LINE+1]]:{{[0-9]+}}: posix_memalign(&w, 32, 64) does not escape
  if (posix_memalign(&w, 32, 64) == 0)
    free(w);
  *out = a[0] + b[0] + c[0];
  free(a);
  free(b);
  free(c);
}
