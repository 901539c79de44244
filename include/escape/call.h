/* call.h — how a call moves pointers (Go's call.go): through the callee's
 * leak tags when it is defined in the module, through the C library table
 * (libc.c) or the declaration's LLVM attributes when it is not, and as the
 * worst case otherwise. */
#ifndef ESCAPE_CALL_H
#define ESCAPE_CALL_H

#include "escape/graph.h"
#include "escape/module.h"

/* Adds the edges of one call or invoke (not an allocation or free). */
void call_model(graph *g, LLVMValueRef call);

/* The edges of a call to a function of the module that its summary gives
 * for the arguments, and none for the result. */
void call_model_arguments(graph *g, LLVMValueRef call, const fn_summary *callee);

/* What a known C library function does (the letters are explained at the
 * top of libc.c). */
typedef struct libc_model {
  const char *args; /* one letter per fixed argument */
  unsigned nfixed;
  char varargs;     /* 0, or the format convention: 'P', 'S' or 'C' */
  char result;      /* '-', 'c', 'p', 'r' or 'x' */
  bool calls_back;  /* may call functions of the program (exit: atexit) */
} libc_model;

/* Fills *out and returns true when the function is in the table with this
 * number of arguments. */
bool libc_lookup(const char *name, size_t len, unsigned nargs, libc_model *out);

/* May a declaration of this name call back into the program? True for
 * everything but the functions known not to: most of the table (not stream
 * I/O, which may run a cookie stream's functions, nor the formatters, which
 * may run a registered printf conversion, nor exit). */
bool libc_calls_back(const char *name, size_t len);

/* The variadic arguments a printf format consumes, in order: 's' for a
 * string whose bytes are read, 'b' for a number or pointer whose bits are.
 * False for what is not read here (positional arguments, %n, unknown
 * conversions, more than cap arguments). */
bool libc_printf_format(const char *fmt, size_t len, char *classes, unsigned cap,
                        unsigned *n);

#endif
