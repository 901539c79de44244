; What escape adds to the stack (stack.c): cycles that only a function
; pointer or outside code closes get at most -escape-max-cycle-frame bytes per
; frame; cycles of direct calls nothing; every call path at most
; -escape-max-stack; a frame counts the callees the inliner may merge into it,
; and call sites that would break that account get `noinline`.
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes=escape -S %s | %llvm-bin/opt -passes=verify -disable-output

declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare void @elsewhere(ptr)       ; another file's: may call back
declare i32 @printf(ptr, ...)      ; the C library's: does not
@fmt = private constant [4 x i8] c"%d\0A\00"
@ops = internal constant [1 x ptr] [ptr @op_call]

; An interpreter: eval dispatches through a table to op_call, which calls
; eval. A cycle only the pointer closes: 64 bytes per frame.
; WHY-DAG: eval:+1: malloc(512) escapes to heap: function may be on a call cycle through a function pointer or code outside the module (512 > 64 bytes per frame)
; WHY-DAG: eval:+3: malloc(32) does not escape
define internal void @eval(i32 %depth) {
  %big = call ptr @malloc(i64 512)
  store i32 %depth, ptr %big
  %small = call ptr @malloc(i64 32)
  store i32 %depth, ptr %small
  %op = load ptr, ptr @ops
  call void %op(i32 %depth)
  call void @free(ptr %small)
  call void @free(ptr %big)
  ret void
}
define internal void @op_call(i32 %depth) {
  %more = icmp sgt i32 %depth, 0
  br i1 %more, label %again, label %done
again:
  %next = sub i32 %depth, 1
  call void @eval(i32 %next)
  br label %done
done:
  ret void
}
define void @run() {
  call void @eval(i32 10)
  ret void
}

; Exported and calling another file's function, which may call it back.
; WHY-DAG: visible:+1: malloc(128) escapes to heap: function may be on a call cycle
define void @visible() {
  %p = call ptr @malloc(i64 128)
  store i32 1, ptr %p
  call void @elsewhere(ptr null)
  call void @free(ptr %p)
  ret void
}
; Stream I/O may call back (a cookie stream's functions are the program's),
; and so may formatting into memory (a registered printf conversion): both
; put an exported function on a possible cycle. A leaf declaration does not.
; WHY-DAG: prints:+1: malloc(128) escapes to heap: function may be on a call cycle
; WHY-DAG: formats:+1: malloc(128) escapes to heap: function may be on a call cycle
; WHY-DAG: quiet_caller:+1: malloc(128) does not escape
define void @quiet_caller(i32 %v) {
  %p = call ptr @malloc(i64 128)
  store i32 %v, ptr %p
  %x = load i32, ptr %p
  call void @quiet(i32 %x)
  call void @free(ptr %p)
  ret void
}
declare void @quiet(i32) nocallback
define void @formats(i32 %v, ptr %out) {
  %p = call ptr @malloc(i64 128)
  store i32 %v, ptr %p
  %x = load i32, ptr %p
  %r = call i32 (ptr, i64, ptr, ...) @snprintf(ptr %out, i64 16, ptr @fmt, i32 %x)
  call void @free(ptr %p)
  ret void
}
declare i32 @snprintf(ptr, i64, ptr, ...)
; fork runs the pthread_atfork handlers, which are the program's.
; WHY-DAG: forks:+1: malloc(128) escapes to heap: function may be on a call cycle
define void @forks(i32 %v) {
  %p = call ptr @malloc(i64 128)
  store i32 %v, ptr %p
  %x = load i32, ptr %p
  %pid = call i32 @fork()
  store i32 %pid, ptr %p
  call void @free(ptr %p)
  ret void
}
declare i32 @fork()
define void @prints(i32 %v) {
  %p = call ptr @malloc(i64 128)
  store i32 %v, ptr %p
  %x = load i32, ptr %p
  %r = call i32 (ptr, ...) @printf(ptr @fmt, i32 %x)
  call void @free(ptr %p)
  ret void
}

; Direct recursion: nothing moves, and the helper that moves a slot is not
; inlined into it (one slot per level otherwise).
; WHY-DAG: walk:+1: malloc(16) escapes to heap: function is recursive
; WHY-DAG: scratch:+1: malloc(256) does not escape
; CHECK-LABEL: define internal void @walk(
; CHECK: call void @scratch(i32 %n) #[[NOINLINE:[0-9]+]]
define internal void @walk(i32 %n) {
  %p = call ptr @malloc(i64 16)
  store i32 %n, ptr %p
  call void @scratch(i32 %n)
  %more = icmp sgt i32 %n, 0
  br i1 %more, label %again, label %done
again:
  %next = sub i32 %n, 1
  call void @walk(i32 %next)
  br label %done
done:
  call void @free(ptr %p)
  ret void
}
define internal void @scratch(i32 %n) {
  %p = call ptr @malloc(i64 256)
  store i32 %n, ptr %p
  call void @free(ptr %p)
  ret void
}
define void @start() {
  call void @walk(i32 3)
  ret void
}

; A call path: leaf and middle fit in 4096 bytes, top does not.
; WHY-DAG: top:+1: malloc(2048) escapes to heap: stack budget along top -> middle -> leaf exceeded (6144 > 4096 bytes)
; WHY-DAG: middle:+1: malloc(2048) does not escape
; WHY-DAG: leaf:+1: malloc(2048) does not escape
define void @top() {
  %p = call ptr @malloc(i64 2048)
  store i32 0, ptr %p
  call void @middle()
  call void @free(ptr %p)
  ret void
}
define internal void @middle() {
  %p = call ptr @malloc(i64 2048)
  store i32 0, ptr %p
  call void @leaf()
  call void @free(ptr %p)
  ret void
}
define internal void @leaf() {
  %p = call ptr @malloc(i64 2048)
  store i32 0, ptr %p
  call void @free(ptr %p)
  ret void
}

; Three helpers of 1536 bytes merged into one caller would make 4608 bytes:
; the heaviest (the first found) stays out of line; the slot ends at return.
; CHECK-LABEL: define void @handler(
; CHECK: call void @h1() #[[NOINLINE]]
; CHECK: call void @h2(){{$}}
; CHECK: call void @h3(){{$}}
; CHECK-LABEL: define internal void @h1(
; CHECK: call void @llvm.lifetime.end.p0({{(i64 1536, )?}}ptr %escape.slot)
; CHECK-NEXT: ret void
; CHECK: attributes #[[NOINLINE]] = { noinline }
define void @handler() {
  call void @h1()
  call void @h2()
  call void @h3()
  ret void
}
define internal void @h1() {
  %p = call ptr @malloc(i64 1536)
  store i32 1, ptr %p
  ret void
}
define internal void @h2() {
  %p = call ptr @malloc(i64 1536)
  store i32 2, ptr %p
  ret void
}
define internal void @h3() {
  %p = call ptr @malloc(i64 1536)
  store i32 3, ptr %p
  ret void
}
