// Pointer bits travel in every type: integer halves, doubles, bit-fields,
// 128-bit integers, vectors of floats, bytes copied one at a time, and a
// memcpy split in two. Each one here reaches a global.
// RUN: %verdicts
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
uint32_t g_lo, g_hi;
double g_double;
struct packed { uint64_t ptr : 48, tag : 16; } g_packed;
__int128 g_wide;
typedef float v4 __attribute__((vector_size(16)));
v4 g_vec;
unsigned char g_bytes[8];
char g_halves[8];
long double g_long_double;

void halves(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  uintptr_t u = (uintptr_t)malloc(16);
  g_lo = (uint32_t)u;
  g_hi = (uint32_t)(u >> 32);
}
void as_double(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap
  g_double = (double)(uintptr_t)malloc(17);
}
void nan_boxed(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(18) escapes to heap
  union { uint64_t u; double d; } box = {(uintptr_t)malloc(18) | 0x7ff8000000000000ull};
  g_double = box.d;
}
void bit_field(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(19) escapes to heap
  g_packed.ptr = (uintptr_t)malloc(19);
  g_packed.tag = 7;
}
void wide(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(20) escapes to heap
  g_wide = (__int128)(uintptr_t)malloc(20) << 3;
}
void long_double(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(21) escapes to heap
  g_long_double = (long double)(uintptr_t)malloc(21);
}
void vector(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(22) escapes to heap
  void *p = malloc(22);
  v4 x = {0, 0, 0, 0};
  memcpy(&x, &p, sizeof p);
  g_vec = x * 1.0f;
}
void byte_loop(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(23) escapes to heap
  void *p = malloc(23);
  const unsigned char *src = (const unsigned char *)&p;
  for (unsigned i = 0; i < sizeof p; i++)
    g_bytes[i] = src[i];
}
void two_halves(void) {
  // CHECK-DAG: bits.c:[[@LINE+1]]:{{[0-9]+}}: malloc(24) escapes to heap
  void *p = malloc(24);
  memcpy(g_halves, &p, 4);
  memcpy(g_halves + 4, (char *)&p + 4, 4);
}
// An int field that never held pointer bits carries none.
int plain_int(int v) {
  struct { int n; void *p; } *s = malloc(16); // CHECK-DAG: bits.c:[[@LINE]]:{{[0-9]+}}: malloc(16) does not escape
  s->n = v;
  s->p = NULL;
  g_lo = (uint32_t)s->n;
  int r = s->n;
  free(s);
  return r;
}
