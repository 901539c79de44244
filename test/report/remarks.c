// The verdicts as LLVM optimization remarks from pass "escape": through
// clang's -Rpass* flags, through opt's -pass-remarks*, and in the YAML of
// -fsave-optimization-record.
// RUN: %clang -O2 -g -c %s -o /dev/null -Rpass=escape -Rpass-missed=escape -Rpass-analysis=escape 2>&1 | FileCheck %s --check-prefix=REMARK
// RUN: rm -f %t.yaml
// RUN: %clang -O2 -g -c %s -o /dev/null -fsave-optimization-record -foptimization-record-file=%t.yaml
// RUN: %python %S/Inputs/unwrap_yaml.py < %t.yaml | FileCheck %s --check-prefix=YAML
// RUN: %clang-noplugin -O2 -g -S -emit-llvm -Xclang -disable-llvm-passes %s -o %t.ll
// RUN: %opt -passes='function(sroa),escape' -pass-remarks=escape -pass-remarks-missed=escape -disable-output %t.ll 2>&1 | FileCheck %s --check-prefix=OPT
#include <stdlib.h>
void sink(void *);
int kept(int v) {
  int *p = malloc(16);
  *p = v;
  int r = *p;
  free(p);
  return r;
}
void lost(void) {
  int *q = malloc(32);
  sink(q);
}
// REMARK: remarks.c:13:12: remark: malloc(16) does not escape: moved to the stack (16 bytes) [-Rpass=escape]
// REMARK: remarks.c:20:12: remark: malloc(32) escapes to heap: passed to unknown function sink; flow: from q = malloc(32), from q (passed to unknown function sink); remedy: define sink in this file or build with -flto, or declare its parameter __attribute__((noescape)) if it keeps no copy [-Rpass-missed=escape]

// YAML:      --- !Passed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: MovedToStack
// YAML-NEXT: DebugLoc: { File: '{{.*}}remarks.c', Line: 13, Column: 12 }
// YAML-NEXT: Function: kept
// YAML-NEXT: Args:
// YAML-NEXT:   - Site: 'malloc(16)'
// YAML-NEXT:   - String: ' does not escape: moved to the stack ('
// YAML-NEXT:   - Bytes: '16'
// The remark's name is the reason; each step of the flow is a Step field
// with its own DebugLoc, and the remedy a Remedy field.
// YAML:      --- !Missed
// YAML-NEXT: Pass: escape
// YAML-NEXT: Name: Escapes
// YAML-NEXT: DebugLoc: { File: '{{/.*}}remarks.c', Line: 20, Column: 12 }
// YAML-NEXT: Function: lost
// YAML-NEXT: Args:
// YAML-NEXT:   - Site: 'malloc(32)'
// YAML-NEXT:   - String: ' escapes to heap: '
// YAML-NEXT:   - Reason: passed to unknown function sink
// YAML-NEXT:   - String: '; flow: '
// YAML-NEXT:   - Step: 'from q = malloc(32)'
// YAML-NEXT:     DebugLoc: { File: '{{/.*}}remarks.c', Line: 20, Column: 12 }
// YAML-NEXT:   - String: ', '
// YAML-NEXT:   - Step: 'from q (passed to unknown function sink)'
// YAML-NEXT:     DebugLoc: { File: '{{/.*}}remarks.c', Line: 21, Column: 3 }
// YAML-NEXT:   - String: '; remedy: '
// YAML-NEXT:   - Remedy: 'define sink in this file or build with -flto, or declare its parameter __attribute__((noescape)) if it keeps no copy'


// OPT: remark: {{.*}}remarks.c:13:12: malloc(16) does not escape: moved to the stack (16 bytes)
// OPT: remark: {{.*}}remarks.c:20:12: malloc(32) escapes to heap: passed to unknown function sink; flow:
