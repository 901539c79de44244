; An invoked malloc becomes a branch to its normal destination.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -S %s | %llvm-bin/opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @__gxx_personality_v0(...)

; CHECK-LABEL: define i32 @invoked(
; CHECK:         [[SLOT:%.*]] = alloca [16 x i8], align 16
; CHECK-NOT:     invoke
; CHECK:         br label %ok
; CHECK:       ok:
; CHECK:         store i32 1, ptr [[SLOT]]
define i32 @invoked() personality ptr @__gxx_personality_v0 {
entry:
  %p = invoke ptr @malloc(i64 16) to label %ok unwind label %lp
ok:
  store i32 1, ptr %p
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
lp:
  %e = landingpad { ptr, i32 } cleanup
  resume { ptr, i32 } %e
}
