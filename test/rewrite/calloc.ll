; calloc gets a zeroing memset of count * size bytes, every time it runs.
; RUN: %opt -passes=escape -S %s | FileCheck %s

declare noalias ptr @calloc(i64, i64)
declare void @free(ptr)

; CHECK-LABEL: define i64 @zeroed(
; CHECK:         [[SLOT:%.*]] = alloca [48 x i8], align 16
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 48, )?}}ptr [[SLOT]])
; CHECK-NEXT:    call void @llvm.memset.p0.i64(ptr align 16 [[SLOT]], i8 0, i64 48, i1 false)
; CHECK-NOT:     @calloc
define i64 @zeroed(i64 %i) {
  %p = call ptr @calloc(i64 6, i64 8)
  %e = getelementptr i64, ptr %p, i64 %i
  %v = load i64, ptr %e
  call void @free(ptr %p)
  ret i64 %v
}

; A product that overflows 64 bits is refused (calloc would return NULL).
; CHECK-LABEL: define i64 @overflow(
; CHECK:         call ptr @calloc(i64 4294967296, i64 4294967296)
define i64 @overflow() {
  %p = call ptr @calloc(i64 4294967296, i64 4294967296)
  %v = load i64, ptr %p
  call void @free(ptr %p)
  ret i64 %v
}
