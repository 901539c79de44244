// -ffreestanding and -fno-builtin: malloc is just a function.
// RUN: %clang -O2 -g -ffreestanding -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --allow-empty
// RUN: %clang -O2 -g -fno-builtin -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --allow-empty
// RUN: %clang -O2 -g -fno-builtin-malloc -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --allow-empty
// RUN: %clang -O2 -ffreestanding -S -emit-llvm %s -o - | FileCheck %s --check-prefix=IR
#include <stddef.h>
void *malloc(size_t);
void free(void *);
int use(void) {
  int *p = malloc(16);
  *p = 3;
  int r = *p;
  free(p);
  return r;
}
// CHECK-NOT: malloc(16)
// IR: call {{.*}}@malloc(i64 noundef 16)
