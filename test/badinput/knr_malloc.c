// A K&R declaration of malloc, called with an int: not the C library's
// signature, so the call is left alone (and treated as unknown).
// RUN: %clang -O2 -g -w -std=gnu89 -c %s -o /dev/null -mllvm -escape-m=1 2>&1 | FileCheck %s --allow-empty
// RUN: %clang -O2 -w -std=gnu89 -S -emit-llvm %s -o - | FileCheck %s --check-prefix=IR
char *malloc();
int use() {
  char *p = malloc(16);
  p[0] = 1;
  return p[0];
}
// CHECK-NOT: does not escape
// IR: call {{.*}}@malloc(
