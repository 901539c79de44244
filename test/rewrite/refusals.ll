; Each refusal, with its one reason. None of these is rewritten.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @setjmp(ptr) returns_twice
; A declaration that promises not to capture its argument, but may free it
; (nothing says it does not write memory). AAHeapToStack trusted such facts.
declare void @release(ptr nocapture)
declare void @reader(ptr nocapture) memory(argmem: read)

; WHY-DAG: recursive:+{{[0-9]+}}: malloc(16) escapes to heap: function is recursive
; CHECK-LABEL: define void @recursive(
; CHECK: call ptr @malloc
define void @recursive(i32 %n) {
  %p = call ptr @malloc(i64 16)
  store i32 %n, ptr %p
  %c = icmp eq i32 %n, 0
  br i1 %c, label %done, label %again
again:
  %m = sub i32 %n, 1
  call void @recursive(i32 %m)
  br label %done
done:
  call void @free(ptr %p)
  ret void
}

; WHY-DAG: jumps:+{{[0-9]+}}: malloc(16) escapes to heap: function calls setjmp (returns_twice)
; CHECK-LABEL: define i32 @jumps(
; CHECK: call ptr @malloc
define i32 @jumps(ptr %env) {
  %p = call ptr @malloc(i64 16)
  %r = call i32 @setjmp(ptr %env)
  store i32 %r, ptr %p
  call void @free(ptr %p)
  ret i32 %r
}

; WHY-DAG: opt_none:+{{[0-9]+}}: malloc(16) does not escape (not moved: optnone function; compile with -O1 or higher)
; CHECK-LABEL: define void @opt_none(
; CHECK: call ptr @malloc
define void @opt_none() noinline optnone {
  %p = call ptr @malloc(i64 16)
  call void @free(ptr %p)
  ret void
}

; WHY-DAG: trusts_nocapture:+{{[0-9]+}}: malloc(16) escapes to heap: freed by a callee at trusts_nocapture:+{{[0-9]+}}
; CHECK-LABEL: define void @trusts_nocapture(
; CHECK: call ptr @malloc
define void @trusts_nocapture() {
  %p = call ptr @malloc(i64 16)
  call void @release(ptr %p)
  ret void
}

; A read-only, non-capturing declaration is a reader: moved.
; WHY-DAG: reads_only:+{{[0-9]+}}: malloc(16) does not escape
; CHECK-LABEL: define void @reads_only(
; CHECK-NOT: call ptr @malloc
define void @reads_only() {
  %p = call ptr @malloc(i64 16)
  call void @reader(ptr %p)
  call void @free(ptr %p)
  ret void
}

; WHY-DAG: zero:+{{[0-9]+}}: malloc(0) escapes to heap: zero-size allocation
; WHY-DAG: huge:+{{[0-9]+}}: malloc(18446744073709551615) escapes to heap: too large for stack (18446744073709551615 > 4096 bytes)
; CHECK-LABEL: define void @zero(
; CHECK: call ptr @malloc(i64 0)
define void @zero() {
  %p = call ptr @malloc(i64 0)
  call void @free(ptr %p)
  ret void
}
define void @huge() {
  %p = call ptr @malloc(i64 -1)
  call void @free(ptr %p)
  ret void
}
