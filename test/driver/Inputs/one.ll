declare ptr @malloc(i64)
define void @f() {
  %p = call ptr @malloc(i64 8)
  ret void
}
