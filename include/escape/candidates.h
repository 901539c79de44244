/* candidates.h — which calls allocate and free C library memory.
 * A call counts only when it calls the C library's function: by name and by
 * signature, not marked nobuiltin, not in a function compiled with
 * -fno-builtin or -ffreestanding, and not when the module defines the
 * function itself. */
#ifndef ESCAPE_CANDIDATES_H
#define ESCAPE_CANDIDATES_H

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stdint.h>

typedef enum libc_call {
  LIBC_NONE,
  LIBC_MALLOC,         /* malloc(size) */
  LIBC_CALLOC,         /* calloc(count, size) */
  LIBC_ALIGNED_ALLOC,  /* aligned_alloc(align, size) */
  LIBC_POSIX_MEMALIGN, /* posix_memalign(&ptr, align, size) */
  LIBC_REALLOC,        /* realloc(ptr, size): frees and allocates */
  LIBC_FREE,           /* free(ptr) */
  LIBC_WRAPPER         /* a call to one of the module's allocation wrappers
                          (wrappers.h): a site only while wrappers are sought */
} libc_call;

/* Classifies a call or invoke instruction. */
libc_call candidates_classify(LLVMValueRef call);

/* The name used in diagnostics: "malloc", "calloc", ... */
const char *candidates_name(libc_call kind);

/* The requested size in bytes, if every operand is a constant. Sets
 * *overflow when count * size does not fit in 64 bits. */
bool candidates_const_size(LLVMValueRef call, libc_call kind, uint64_t *bytes,
                           bool *overflow);

/* The requested alignment (1 when the call asks for none); 0 when it is not
 * a constant. */
uint64_t candidates_const_align(LLVMValueRef call, libc_call kind);

/* Is this function's code compiled with the C library's semantics, so that
 * a call to "malloc" means malloc? False under -fno-builtin(-malloc) and
 * -ffreestanding. */
bool candidates_builtins_allowed(LLVMValueRef fn, const char *name);

#endif
