; A target whose stack is not in address space 0 (here AMDGPU-like "A5"):
; the analysis runs, nothing is rewritten, and the result verifies.
; RUN: %opt -passes=escape -S %s | FileCheck %s
target datalayout = "e-p:64:64-p5:32:32-A5"
declare noalias ptr @malloc(i64)
declare void @free(ptr)
; CHECK-LABEL: define i32 @f(
; CHECK: call ptr @malloc(i64 16)
; CHECK-NOT: alloca
define i32 @f() {
  %p = call ptr @malloc(i64 16)
  store i32 1, ptr %p
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY
; WHY: f:+1: malloc(16) does not escape (not moved: the target's stack is not in address space 0)
