// An array of __m128 from malloc, accessed with aligned vector loads and
// stores (movaps faults on memory aligned to less than 16).
// RUN: %e2e
// RUN: %moved | FileCheck %s
// RUN: %clang -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=IR
#include <stdio.h>
#include <stdlib.h>
#include <xmmintrin.h>

static __attribute__((noinline)) float reduce(const __m128 *v, int n) {
  __m128 acc = _mm_setzero_ps();
  for (int i = 0; i < n; i++)
    acc = _mm_add_ps(acc, _mm_load_ps((const float *)&v[i]));
  float out[4];
  _mm_storeu_ps(out, acc);
  return out[0] + out[1] + out[2] + out[3];
}

// Not in main: main prints, and stream I/O may call back into an exported
// function (a cookie stream), which puts it on a possible call cycle.
static __attribute__((noinline)) float run(char pad) {
  volatile char guard = pad; // a one-byte local first, to misalign a careless slot
  // CHECK: m128.c:[[@LINE+1]]:{{[0-9]+}}: malloc(128) does not escape
  __m128 *v = malloc(8 * sizeof(__m128));
  for (int i = 0; i < 8; i++)
    _mm_store_ps((float *)&v[i], _mm_set1_ps((float)(i + pad)));
  float r = reduce(v, 8) + guard - pad;
  free(v);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%.1f\n", run((char)argc));
  return 0;
}
// IR-LABEL: define {{.*}} @run(
// IR: alloca [128 x i8], align 16
