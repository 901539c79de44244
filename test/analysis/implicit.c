// Address bits that decide a branch or index memory can be rebuilt from
// what they decided. Compares of pointers reveal nothing (see ptrtoint.c).
// RUN: %verdicts
#include <stdint.h>
#include <stdlib.h>
uintptr_t g_bits;
void *g_ptr;
const unsigned char lookup[2] = {0, 1};
void bit_by_bit(void) {
  // CHECK-DAG: implicit.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: its address bits decide a branch
  char *p = malloc(16);
  uintptr_t v = 0;
  for (unsigned i = 0; i < 64; i++)
    if ((uintptr_t)p >> i & 1)
      v |= (uintptr_t)1 << i;
  g_bits = v;
}
void by_table(void) {
  // CHECK-DAG: implicit.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap: its address bits index memory
  char *p = malloc(17);
  uintptr_t v = 0;
  for (unsigned i = 0; i < 64; i++)
    v |= (uintptr_t)lookup[(uintptr_t)p >> i & 1] << i;
  g_bits = v;
}
// A range compared, within one buffer or across two, reveals no address.
static __attribute__((noinline)) long span(const char *begin, const char *end) {
  long n = 0;
  while (begin < end && *begin++)
    n++;
  return n;
}
long within(const char *other) {
  // CHECK-DAG: implicit.c:[[@LINE+1]]:{{[0-9]+}}: calloc(1, 32) does not escape
  char *buf = calloc(1, 32);
  long n = span(buf, buf + 32) + span(buf, other);
  free(buf);
  return n;
}
