; aligned_alloc and posix_memalign keep their alignment (never less than 16).
; RUN: %opt -passes=escape -S %s | FileCheck %s

declare noalias ptr @aligned_alloc(i64, i64)
declare i32 @posix_memalign(ptr, i64, i64)
declare void @free(ptr)

; CHECK-LABEL: define float @vec(
; CHECK:         alloca [256 x i8], align 64
; CHECK-NOT:     @aligned_alloc
define float @vec() {
  %p = call ptr @aligned_alloc(i64 64, i64 256)
  store <4 x float> zeroinitializer, ptr %p, align 64
  %v = load float, ptr %p
  call void @free(ptr %p)
  ret float %v
}

; posix_memalign: the slot is stored into *memptr and the call yields 0.
; CHECK-LABEL: define i32 @memalign(
; CHECK:         [[SLOT:%.*]] = alloca [64 x i8], align 32
; CHECK:         store ptr [[SLOT]], ptr %holder
; CHECK-NOT:     @posix_memalign
; CHECK:         ret i32 0
define i32 @memalign() {
  %holder = alloca ptr
  %rc = call i32 @posix_memalign(ptr %holder, i64 32, i64 64)
  %p = load ptr, ptr %holder
  store i32 1, ptr %p
  call void @free(ptr %p)
  ret i32 %rc
}

; An alignment that is not a power of two stays on the heap.
; CHECK-LABEL: define void @odd(
; CHECK:         call ptr @aligned_alloc(i64 24, i64 48)
define void @odd() {
  %p = call ptr @aligned_alloc(i64 24, i64 48)
  call void @free(ptr %p)
  ret void
}
