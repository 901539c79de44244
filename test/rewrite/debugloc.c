// New instructions carry the site's debug location: the lifetime start and
// the memset at the calloc's line, the lifetime end at the free's line.
// RUN: %clang-noplugin -O1 -g -S -emit-llvm -Xclang -disable-llvm-passes %s -o %t.ll
// RUN: %opt -passes='function(sroa),escape' -S %t.ll | FileCheck %s
#include <stdlib.h>
long table(int i) {
  long *t = calloc(4, sizeof *t);
  t[i & 3] = 7;
  long r = t[0] + t[1] + t[2] + t[3];
  free(t);
  return r;
}
// CHECK-LABEL: define {{.*}} @table(
// CHECK: call void @llvm.lifetime.start.p0({{.*}}), !dbg [[SITE:![0-9]+]]
// CHECK-NEXT: call void @llvm.memset.p0.i64({{.*}}), !dbg [[SITE]]
// CHECK: call void @llvm.lifetime.end.p0({{.*}}), !dbg [[FREE:![0-9]+]]
// CHECK-DAG: [[SITE]] = !DILocation(line: 7,
// CHECK-DAG: [[FREE]] = !DILocation(line: 10,
