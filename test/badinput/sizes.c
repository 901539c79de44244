// Sizes at the edges: zero, SIZE_MAX, an overflowing calloc, a negative
// number through a cast. None is moved; none crashes.
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s
#include <stdint.h>
#include <stdlib.h>
void sizes(void) {
  // CHECK-DAG: sizes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(0) escapes to heap: zero-size allocation
  free(malloc(0));
  // CHECK-DAG: sizes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(18446744073709551615) escapes to heap: too large for stack (18446744073709551615 > 4096 bytes)
  free(malloc(SIZE_MAX));
  // CHECK-DAG: sizes.c:[[@LINE+1]]:{{[0-9]+}}: calloc(4294967296, 4294967297) escapes to heap: size overflows (count * size > 2^64 - 1)
  free(calloc(1ull << 32, (1ull << 32) + 1));
  // CHECK-DAG: sizes.c:[[@LINE+1]]:{{[0-9]+}}: malloc(18446744073709551608) escapes to heap: too large for stack (18446744073709551608 > 4096 bytes)
  free(malloc((size_t)(int)-8));
}
