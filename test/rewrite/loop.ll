; Loops. A site in a loop gets one entry-block slot, never a growing stack,
; and only when no two iterations' objects can be alive together.
; RUN: %opt -passes=escape -S %s | FileCheck %s
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=WHY

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; Allocated and freed in every iteration: moved, the alloca is in the entry block.
; CHECK-LABEL: define i32 @per_iteration(
; CHECK-NEXT:  entry:
; CHECK-NEXT:    [[SLOT:%.*]] = alloca [16 x i8], align 16
; CHECK:       loop:
; CHECK-NOT:     alloca
; CHECK:         call void @llvm.lifetime.start.p0({{(i64 16, )?}}ptr [[SLOT]])
; CHECK-NOT:     @malloc
; WHY-DAG: per_iteration:+{{[0-9]+}}: malloc(16) does not escape
define i32 @per_iteration(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %acc = phi i32 [ 0, %entry ], [ %sum, %loop ]
  %p = call ptr @malloc(i64 16)
  store i32 %i, ptr %p
  %v = load i32, ptr %p
  %sum = add i32 %acc, %v
  call void @free(ptr %p)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  ret i32 %sum
}

; The previous iteration's object is kept through a phi: two are alive at
; once, so it stays on the heap.
; CHECK-LABEL: define void @carried(
; CHECK:         call ptr @malloc(i64 16)
; WHY-DAG: carried:+{{[0-9]+}}: malloc(16) escapes to heap: allocated in a loop and alive across iterations
define void @carried(i32 %n) {
entry:
  br label %loop
loop:
  %i = phi i32 [ 0, %entry ], [ %next, %loop ]
  %prev = phi ptr [ null, %entry ], [ %p, %loop ]
  %p = call ptr @malloc(i64 16)
  store ptr %prev, ptr %p
  call void @free(ptr %prev)
  %next = add i32 %i, 1
  %done = icmp eq i32 %next, %n
  br i1 %done, label %exit, label %loop
exit:
  call void @free(ptr %p)
  ret void
}

; Stored into memory that outlives the iteration (a local array declared
; outside the loop): stays on the heap.
; CHECK-LABEL: define void @kept_in_array(
; CHECK:         call ptr @malloc(i64 8)
; WHY-DAG: kept_in_array:+{{[0-9]+}}: malloc(8) escapes to heap: allocated in a loop and alive across iterations
define void @kept_in_array(i64 %n) {
entry:
  %arr = alloca [4 x ptr]
  br label %loop
loop:
  %i = phi i64 [ 0, %entry ], [ %next, %loop ]
  %p = call ptr @malloc(i64 8)
  %slot = getelementptr [4 x ptr], ptr %arr, i64 0, i64 %i
  store ptr %p, ptr %slot
  %next = add i64 %i, 1
  %done = icmp eq i64 %next, 4
  br i1 %done, label %exit, label %loop
exit:
  ret void
}

; An irreducible cycle (two entries) is a cycle too.
; CHECK-LABEL: define void @irreducible(
; CHECK:         call ptr @malloc(i64 16)
; WHY-DAG: irreducible:+{{[0-9]+}}: malloc(16) escapes to heap: allocated in a loop and alive across iterations
define void @irreducible(i1 %c, i1 %d) {
entry:
  br i1 %c, label %a, label %b
a:
  %pa = phi ptr [ null, %entry ], [ %p, %b ]
  call void @free(ptr %pa)
  br label %b
b:
  %p = call ptr @malloc(i64 16)
  br i1 %d, label %a, label %exit
exit:
  ret void
}
