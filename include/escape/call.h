/* call.h — how a call moves pointers (Go's call.go): through the callee's
 * leak tags when it is defined in the module, through the C library table or
 * the declaration's LLVM attributes when it is not, and as the worst case
 * otherwise. */
#ifndef ESCAPE_CALL_H
#define ESCAPE_CALL_H

#include "escape/graph.h"
#include "escape/module.h"

/* Adds the edges of one call or invoke (not an allocation or free). */
void call_model(graph *g, LLVMValueRef call);

/* Known C library functions: fills tags[0..nargs) and returns true when the
 * function is in the table. *varargs_tag is the tag of variadic arguments.
 * *copies_memory is set for memcpy-like functions (arg 1's contents are
 * copied into arg 0's); *end_pointer is the index of an argument that
 * receives a pointer into argument 0 (strtol's endptr), or -1. */
bool libc_lookup(const char *name, size_t len, unsigned nargs, leak_tag *tags,
                 leak_tag *varargs_tag, bool *copies_memory, int *end_pointer);

#endif
