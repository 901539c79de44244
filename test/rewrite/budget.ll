; -escape-max-size and -escape-max-frame, spent in order; the frame is
; also bounded by -escape-max-stack (the path from the frame is at least it).
; RUN: %opt -passes='print<escape>' -disable-output %s | FileCheck %s --check-prefix=DEFAULT
; RUN: %opt -passes='print<escape>' -disable-output -escape-max-stack=100000 %s | FileCheck %s --check-prefix=FRAME
; RUN: %opt -passes='print<escape>' -disable-output -escape-max-size=100 -escape-max-frame=256 %s | FileCheck %s --check-prefix=SMALL
; RUN: %opt -passes=escape -escape-report-only -S %s | FileCheck %s --check-prefix=ONLY

declare noalias ptr @malloc(i64)
declare void @free(ptr)

; DEFAULT: three:+1: malloc(4096) does not escape
; DEFAULT: three:+2: malloc(4096) escapes to heap: stack budget along three exceeded (8192 > 4096 bytes)
; FRAME: three:+1: malloc(4096) does not escape
; FRAME: three:+2: malloc(4096) does not escape
; FRAME: three:+3: malloc(4096) does not escape
; FRAME: three:+4: malloc(4096) does not escape
; FRAME: three:+5: malloc(4096) escapes to heap: function's stack budget exhausted (20480 > 16384 bytes)
; SMALL: small:+1: malloc(96) does not escape
; SMALL: small:+2: malloc(96) does not escape
; SMALL: small:+3: malloc(96) escapes to heap: function's stack budget exhausted (288 > 256 bytes)
; SMALL: three:+1: malloc(4096) escapes to heap: too large for stack (4096 > 100 bytes)
; ONLY-COUNT-8: call ptr @malloc
define void @three() {
  %a = call ptr @malloc(i64 4096)
  %b = call ptr @malloc(i64 4096)
  %c = call ptr @malloc(i64 4096)
  %d = call ptr @malloc(i64 4096)
  %e = call ptr @malloc(i64 4096)
  ret void
}
define void @small() {
  %a = call ptr @malloc(i64 96)
  %b = call ptr @malloc(i64 96)
  %c = call ptr @malloc(i64 96)
  ret void
}
