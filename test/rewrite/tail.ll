; A call marked `tail` promises that the callee does not touch the caller's
; stack. Once a slot may be passed to it, that is false: the marker goes
; (the backend would otherwise free the frame before the callee reads the
; slot). A musttail call forbids slots in its function altogether.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY

declare noalias ptr @malloc(i64)
declare void @free(ptr)
; nocallback (leaf): it cannot call back, so no cycle runs through it, and
; moving the slot costs no tail call on one.
declare i32 @reader(ptr nocapture readonly) memory(argmem: read) nocallback

; CHECK-LABEL: define i32 @tail_marker(
; CHECK: alloca [16 x i8], align 16
; CHECK-NOT: tail call
; CHECK: call i32 @reader(
define i32 @tail_marker() {
  %p = call ptr @malloc(i64 16)
  store i64 3, ptr %p
  %r = tail call i32 @reader(ptr %p)
  ret i32 %r
}

; WHY: must_tail:+{{[0-9]+}}: malloc(16) escapes to heap: function makes a musttail call
; CHECK-LABEL: define i64 @must_tail(
; CHECK: call ptr @malloc
; CHECK: musttail call i64 @other(
define i64 @must_tail(i64 %x) {
  %p = call ptr @malloc(i64 16)
  store i64 %x, ptr %p
  %v = load i64, ptr %p
  call void @free(ptr %p)
  %r = musttail call i64 @other(i64 %v)
  ret i64 %r
}
declare i64 @other(i64)

; On a possible cycle (exported, calling out), a call followed by another
; call and the return: the second may vanish (an empty hook inlined), and
; then the first is a sibling call that a slot would keep from reusing the
; frame.
; WHY: tail_hooked:+{{[0-9]+}}: malloc(16) escapes to heap: function may be on a call cycle and ends in a call on it
define i64 @tail_hooked(i64 %x) {
  %p = call ptr @malloc(i64 16)
  store i64 %x, ptr %p
  %v = load i64, ptr %p
  call void @free(ptr %p)
  %r = call i64 @other(i64 %v)
  call void @hook()
  ret i64 %r
}
define internal void @hook() {
  ret void
}
