; main is entered from outside once, by the C runtime at startup: a function
; that only main reaches is not on a cycle through code outside the module
; for printing (printf may call back, but not into main), and keeps its full
; budget, as does main. Once main's address is taken, a pointer may call it
; again: then both are on a possible cycle (Inputs/main_taken.ll).
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s
; RUN: %opt -passes='print<escape>' -disable-output %S/Inputs/main_taken.ll | FileCheck %s --check-prefix=TAKEN

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @printf(ptr, ...)
@fmt = private constant [4 x i8] c"%d\0A\00"

; CHECK-DAG: report:+1: malloc(128) does not escape
; CHECK-DAG: main:+1: malloc(256) does not escape
; TAKEN-DAG: report:+1: malloc(128) escapes to heap: function may be on a call cycle
; TAKEN-DAG: main:+1: malloc(256) escapes to heap: function may be on a call cycle
define internal void @report(i32 %v) {
  %p = call ptr @malloc(i64 128)
  store i32 %v, ptr %p
  %x = load i32, ptr %p
  %r = call i32 (ptr, ...) @printf(ptr @fmt, i32 %x)
  call void @free(ptr %p)
  ret void
}

define i32 @main() {
  %p = call ptr @malloc(i64 256)
  store i32 7, ptr %p
  %x = load i32, ptr %p
  call void @report(i32 %x)
  call void @free(ptr %p)
  ret i32 0
}
