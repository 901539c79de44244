; A size known only at run time gets a stack buffer (-escape-small-buffer,
; 64 bytes by default), used when the size fits; larger sizes still call the
; allocator, and every free frees only what the allocator gave:
;   p = n <= 64 ? slot : malloc(n); ...; free(p == slot ? NULL : p)
; calloc zeroes the bytes asked for, and an overflowing count * size calls
; calloc (which returns NULL). Invokes and realloc keep the heap.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes='print<escape>' -escape-small-buffer=0 -disable-output %s | FileCheck %s --check-prefix=OFF
; RUN: %opt -passes=escape -escape-small-buffer=256 -S %s | FileCheck %s --check-prefix=K256

declare noalias ptr @malloc(i64)
declare noalias ptr @calloc(i64, i64)
declare noalias ptr @aligned_alloc(i64, i64)
declare void @free(ptr)
declare i64 @use(ptr nocapture readonly) memory(argmem: read) nocallback

; WHY-DAG: bytes:+1: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
; OFF: bytes:+1: malloc(n) escapes to heap: non-constant size
; CHECK-LABEL: define i64 @bytes(
; CHECK: %escape.slot = alloca [64 x i8], align 16
; CHECK: call void @llvm.lifetime.start.p0({{.*}}ptr %escape.slot)
; CHECK: %escape.big = icmp ugt i64 %n, 64
; CHECK: br i1 %escape.big, label %[[BIG:[0-9]+]], label %[[JOIN:[0-9]+]]
; CHECK: [[BIG]]:
; CHECK-NEXT: %p = call ptr @malloc(i64 %n)
; CHECK: [[JOIN]]:
; CHECK-NEXT: %escape.buffer = phi ptr [ %escape.slot, %0 ], [ %p, %[[BIG]] ]
; CHECK: store i8 1, ptr %escape.buffer
; CHECK: %[[MINE:[0-9]+]] = icmp eq ptr %escape.buffer, %escape.slot
; CHECK: %[[ARG:[0-9]+]] = select i1 %[[MINE]], ptr null, ptr %escape.buffer
; CHECK: call void @free(ptr %[[ARG]])
; CHECK-NEXT: call void @llvm.lifetime.end.p0({{.*}}ptr %escape.slot)
; CHECK-NEXT: ret i64
; K256: alloca [256 x i8], align 16
; K256: icmp ugt i64 %n, 256
define i64 @bytes(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  store i8 1, ptr %p
  %r = call i64 @use(ptr %p)
  call void @free(ptr %p)
  ret i64 %r
}

; WHY-DAG: zeroed:+1: calloc(n, 8) does not escape (stack buffer of 64 bytes when the size fits)
; CHECK-LABEL: define i64 @zeroed(
; CHECK: %[[PRODUCT:[0-9]+]] = call { i64, i1 } @llvm.umul.with.overflow.i64(i64 %n, i64 8)
; CHECK: %escape.bytes = extractvalue { i64, i1 } %[[PRODUCT]], 0
; CHECK: %[[OVERFLOW:[0-9]+]] = extractvalue { i64, i1 } %[[PRODUCT]], 1
; CHECK: %[[OVER:[0-9]+]] = icmp ugt i64 %escape.bytes, 64
; CHECK: %escape.big = or i1 %[[OVERFLOW]], %[[OVER]]
; CHECK: %[[ZEROED:[0-9]+]] = select i1 %escape.big, i64 0, i64 %escape.bytes
; CHECK: call void @llvm.memset.p0.i64(ptr align 16 %escape.slot, i8 0, i64 %[[ZEROED]], i1 false)
; CHECK: call ptr @calloc(i64 %n, i64 8)
define i64 @zeroed(i64 %n) {
  %p = call ptr @calloc(i64 %n, i64 8)
  %r = call i64 @use(ptr %p)
  call void @free(ptr %p)
  ret i64 %r
}

; The buffer takes the alignment asked for.
; WHY-DAG: aligned:+1: aligned_alloc(64, n) does not escape (stack buffer of 64 bytes when the size fits)
; CHECK-LABEL: define i64 @aligned(
; CHECK: alloca [64 x i8], align 64
; CHECK: icmp ugt i64 %n, 64
define i64 @aligned(i64 %n) {
  %p = call ptr @aligned_alloc(i64 64, i64 %n)
  %r = call i64 @use(ptr %p)
  call void @free(ptr %p)
  ret i64 %r
}

; Freed through a phi with NULL (goto-out cleanup): the guard keeps NULL.
; WHY-DAG: cleanup:+2: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
; CHECK-LABEL: define i64 @cleanup(
; CHECK: %q = phi ptr [ %escape.buffer, %{{[0-9]+}} ], [ null, %entry ]
; CHECK: %[[MINE2:[0-9]+]] = icmp eq ptr %q, %escape.slot
; CHECK: select i1 %[[MINE2]], ptr null, ptr %q
define i64 @cleanup(i64 %n, i1 %skip) {
entry:
  br i1 %skip, label %out, label %work
work:
  %p = call ptr @malloc(i64 %n)
  %r = call i64 @use(ptr %p)
  br label %out
out:
  %q = phi ptr [ %p, %work ], [ null, %entry ]
  %v = phi i64 [ %r, %work ], [ 0, %entry ]
  call void @free(ptr %q)
  ret i64 %v
}
