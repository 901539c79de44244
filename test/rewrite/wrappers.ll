; Allocation wrappers: a call to @xmalloc whose memory stays in the caller is
; inlined (by LLVM's inliner, from the plugin) and the malloc inside moves;
; @xfree, which only frees, is inlined with it. The inlined allocation keeps
; the caller's call for the report. Not inlined: a caller that returns the
; memory, a wrapper that may not be the code that runs (weak), one marked
; noinline, one with a stack variable of its own (in a recursive caller it
; would grow every level), and a release function that also keeps the
; pointer. With
; -escape-wrappers=0 nothing is inlined. The wrappers are dso_local, as clang
; makes them in an executable: one the loader may preempt (IR's default) is
; not the code that runs either.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -escape-m=1 -disable-output %s 2>&1 | FileCheck %s --check-prefix=REPORT
; RUN: %opt -passes=escape -escape-wrappers=0 -S %s | FileCheck %s --check-prefix=OFF

declare ptr @malloc(i64)
declare void @free(ptr)
declare void @abort() noreturn

define dso_local ptr @xmalloc(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  %null = icmp eq ptr %p, null
  br i1 %null, label %die, label %ok
die:
  call void @abort()
  unreachable
ok:
  ret ptr %p
}

define dso_local void @xfree(ptr %p) {
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define i32 @caller(
; CHECK: %escape.slot = alloca [16 x i8]
; CHECK-NOT: call {{.*}}@xmalloc
; CHECK-NOT: call {{.*}}@malloc
; CHECK-NOT: call {{.*}}@xfree
; CHECK-NOT: call {{.*}}@free
; CHECK: ret i32
; REPORT: caller:+{{[0-9]+}}: xmalloc(16) does not escape
; OFF-LABEL: define i32 @caller(
; OFF: call ptr @xmalloc(i64 16)
; OFF: call void @xfree(
define i32 @caller(i32 %k) {
  %v = call ptr @xmalloc(i64 16)
  store i32 %k, ptr %v
  %x = load i32, ptr %v
  call void @xfree(ptr %v)
  ret i32 %x
}

; CHECK-LABEL: define ptr @keeper(
; CHECK: call ptr @xmalloc(i64 16)
define ptr @keeper() {
  %v = call ptr @xmalloc(i64 16)
  ret ptr %v
}

define weak ptr @weak_xmalloc(i64 %n) {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

; CHECK-LABEL: define i32 @weak_caller(
; CHECK: call ptr @weak_xmalloc(i64 16)
define i32 @weak_caller(i32 %k) {
  %v = call ptr @weak_xmalloc(i64 16)
  store i32 %k, ptr %v
  %x = load i32, ptr %v
  call void @free(ptr %v)
  ret i32 %x
}

define dso_local ptr @outlined_xmalloc(i64 %n) noinline {
  %p = call ptr @malloc(i64 %n)
  ret ptr %p
}

; CHECK-LABEL: define i32 @noinline_caller(
; CHECK: call ptr @outlined_xmalloc(i64 16)
define i32 @noinline_caller(i32 %k) {
  %v = call ptr @outlined_xmalloc(i64 16)
  store i32 %k, ptr %v
  %x = load i32, ptr %v
  call void @free(ptr %v)
  ret i32 %x
}

@last = global ptr null

define dso_local void @keeping_free(ptr %p) {
  store ptr %p, ptr @last
  call void @free(ptr %p)
  ret void
}

; CHECK-LABEL: define i32 @keeping_caller(
; CHECK: call ptr @xmalloc(i64 16)
; CHECK: call void @keeping_free(
define i32 @keeping_caller(i32 %k) {
  %v = call ptr @xmalloc(i64 16)
  store i32 %k, ptr %v
  %x = load i32, ptr %v
  call void @keeping_free(ptr %v)
  ret i32 %x
}

declare i32 @snprintf(ptr, i64, ptr, ...)
@oom = private constant [3 x i8] c"%d\00"

define dso_local ptr @logged_xmalloc(i64 %n) {
  %note = alloca [2048 x i8]
  %p = call ptr @malloc(i64 %n)
  %null = icmp eq ptr %p, null
  br i1 %null, label %die, label %ok
die:
  %r = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %note, i64 2048, ptr @oom, i64 %n)
  call void @abort()
  unreachable
ok:
  ret ptr %p
}

; CHECK-LABEL: define i32 @walk(
; CHECK: call ptr @logged_xmalloc(i64 16)
define i32 @walk(i32 %d) {
  %v = call ptr @logged_xmalloc(i64 16)
  store i32 %d, ptr %v
  %x = load i32, ptr %v
  call void @free(ptr %v)
  %stop = icmp eq i32 %d, 0
  br i1 %stop, label %done, label %more
more:
  %d1 = sub i32 %d, 1
  %y = call i32 @walk(i32 %d1)
  br label %done
done:
  ret i32 %x
}
