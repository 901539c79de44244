; A non-escaping malloc becomes one entry-block alloca aligned to 16 (malloc's
; alignment on x86-64, never the 1 that AAHeapToStack used), bracketed by
; lifetime markers; its free is deleted.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -S %s | %llvm-bin/opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; CHECK-LABEL: define i32 @local(
; CHECK-NEXT:    [[SLOT:%.*]] = alloca [24 x i8], align 16
; CHECK-NEXT:    br label %body
; CHECK:       body:
; CHECK-NEXT:    call void @llvm.lifetime.start.p0({{(i64 24, )?}}ptr [[SLOT]])
; CHECK-NEXT:    store i32 7, ptr [[SLOT]]
; CHECK-NEXT:    [[V:%.*]] = load i32, ptr [[SLOT]]
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 24, )?}}ptr [[SLOT]])
; CHECK-NEXT:    ret i32 [[V]]
; CHECK-NOT:   @malloc
; CHECK-NOT:   @free
define i32 @local() {
  br label %body
body:
  %p = call ptr @malloc(i64 24)
  store i32 7, ptr %p
  %v = load i32, ptr %p
  call void @free(ptr %p)
  ret i32 %v
}

; The free of a phi that may be NULL is deleted, but gets no lifetime.end:
; when it frees NULL the object is still alive after it. The return ends it.
; CHECK-LABEL: define i32 @maybe_null(
; CHECK:         [[SLOT2:%.*]] = alloca [8 x i8], align 16
; CHECK-NOT:     call void @llvm.lifetime.end
; CHECK-NOT:     call void @free
; CHECK:         load i32, ptr [[SLOT2]]
; CHECK-NEXT:    call void @llvm.lifetime.end.p0({{(i64 8, )?}}ptr [[SLOT2]])
; CHECK-NEXT:    ret i32
define i32 @maybe_null(i1 %c) {
entry:
  %p = call ptr @malloc(i64 8)
  store i32 1, ptr %p
  br i1 %c, label %yes, label %join
yes:
  br label %join
join:
  %q = phi ptr [ %p, %yes ], [ null, %entry ]
  call void @free(ptr %q)
  %v = load i32, ptr %p
  ret i32 %v
}
