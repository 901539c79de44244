// A pointer the model cannot trace points to {ext}: what is stored through
// it escapes. A 32-bit handle made into a pointer, a constant address, and
// an integer member of a union read through its pointer member.
// RUN: %verdicts
#include <stdint.h>
#include <stdlib.h>
void through_handle(uint32_t handle) {
  // CHECK-DAG: provenance.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  void *p = malloc(16);
  *(void **)(uintptr_t)handle = p;
}
void through_constant(int fixed) {
  // CHECK-DAG: provenance.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap
  void *p = malloc(17);
  if (fixed)
    *(void **)0x601040 = p;
}
void through_union(void) {
  union { uintptr_t bits; void **slot; } u;
  u.bits = 0x601040;
  // CHECK-DAG: provenance.c:[[@LINE+1]]:{{[0-9]+}}: malloc(18) escapes to heap
  *u.slot = malloc(18);
}
void through_table(uintptr_t *table, unsigned k) {
  // CHECK-DAG: provenance.c:[[@LINE+1]]:{{[0-9]+}}: malloc(19) escapes to heap
  void *p = malloc(19);
  *(void **)(table[k] + 8) = p;
}
