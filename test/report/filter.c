// -escape-filter=REGEX reports only the functions, or the files, whose name
// matches (POSIX extended, unanchored), in -m text and remarks alike; the
// analysis and the rewrite are the same as without it. A bad expression is
// an error that names the option.
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 -mllvm -escape-filter='^(parse|lex)_' 2>&1 | FileCheck %s --check-prefix=FN --implicit-check-not='malloc(16)'
// RUN: %clang -O2 -g -c %s -o /dev/null -Rpass=escape -Rpass-missed=escape -mllvm -escape-filter='^lex_' 2>&1 | FileCheck %s --check-prefix=REMARK --implicit-check-not=remark:
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 -mllvm -escape-filter='filter\.c$' 2>&1 | FileCheck %s --check-prefix=FILE
// RUN: %clang -O2 -g -c %s -o /dev/null -mllvm -escape-m=1 -mllvm -escape-filter='^nothing$' 2>&1 | count 0
// RUN: not %clang -O2 -g -c %s -o /dev/null -mllvm -escape-filter='(' 2>&1 | FileCheck %s --check-prefix=BAD
#include <stdlib.h>
void sink(void *);
int parse_int(void) { int *p = malloc(4); *p = 1; int r = *p; free(p); return r; }
void lex_token(void) { sink(malloc(8)); }
void format_all(void) { sink(malloc(16)); }
// FN: filter.c:[[@LINE-3]]:{{[0-9]+}}: malloc(4) does not escape
// FN: filter.c:[[@LINE-3]]:{{[0-9]+}}: malloc(8) escapes to heap
// REMARK: filter.c:[[@LINE-4]]:{{[0-9]+}}: remark: malloc(8) escapes to heap
// FILE: malloc(4) does not escape
// FILE: malloc(8) escapes to heap
// FILE: malloc(16) escapes to heap
// BAD: for the --escape-filter option: '(' is not a POSIX extended regular expression
