; Allocations in unreachable blocks are analysed and rewritten like any
; other; the result verifies.
; RUN: %opt -passes=escape -S %s | %llvm-bin/opt -passes=verify -S | FileCheck %s
declare ptr @malloc(i64)
declare void @free(ptr)
; CHECK-LABEL: define void @f(
; CHECK-NOT: @malloc
define void @f() {
entry:
  ret void
dead:
  %p = call ptr @malloc(i64 8)
  store i8 1, ptr %p
  call void @free(ptr %p)
  br label %dead
}
