; test/rewrite/main_once.ll with main's address taken.



declare noalias ptr @malloc(i64)
declare void @free(ptr)
declare i32 @printf(ptr, ...)
@fmt = private constant [4 x i8] c"%d\0A\00"





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

; main's address, kept where a later call may find it
@again = global ptr @main
