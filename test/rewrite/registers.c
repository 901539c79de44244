// A small malloc'd struct used only locally: after the whole -O2 pipeline
// no alloca, malloc or free is left; SROA and InstCombine take the slot.
// RUN: %clang -O2 -S -emit-llvm %s -o - | FileCheck %s
// RUN: %clang-noplugin -O2 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=PLAIN
#include <stdlib.h>
struct vec3 { double x, y, z; };
__attribute__((noinline)) double cross_norm(double a, double b, double c) {
  struct vec3 *u = malloc(sizeof *u);
  struct vec3 *w = malloc(sizeof *w);
  u->x = a; u->y = b; u->z = c;
  w->x = c; w->y = a; w->z = b;
  double x = u->y * w->z - u->z * w->y;
  double y = u->z * w->x - u->x * w->z;
  double z = u->x * w->y - u->y * w->x;
  free(w);
  free(u);
  return x * x + y * y + z * z;
}
// CHECK-LABEL: define {{.*}} @cross_norm(
// CHECK-NOT: alloca
// CHECK-NOT: @malloc
// CHECK-NOT: @free
// CHECK: ret double
// CHECK-NEXT: }
// LLVM on its own removes this pair too (InstCombine deletes unused
// allocations), so the plugin's version is checked against nothing worse:
// PLAIN-LABEL: define {{.*}} @cross_norm(
// PLAIN: ret double
