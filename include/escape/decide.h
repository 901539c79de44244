/* decide.h — the verdict for each allocation site of a solved function, as
 * far as its own graph tells: kept on the heap for exactly one stated
 * reason, or a candidate (REFUSE_NONE) whose frees are recorded; stack.c
 * then decides which candidates the stack can take. */
#ifndef ESCAPE_DECIDE_H
#define ESCAPE_DECIDE_H

#include "escape/graph.h"
#include "escape/module.h"

/* Fills site.verdict and site.detail for every site of g, and site.frees
 * for the candidates. */
void decide_function(escape_module *m, graph *g);

/* Once verdicts change (after decide_function, after stack.c): sites freed
 * through one pointer stay on the heap together when one of them does, and
 * each free they share is left to one of them. */
void decide_groups(escape_module *m);

/* Does fn carry the enum attribute of this name (optnone, noinline)? */
bool decide_has_fn_attr(LLVMValueRef fn, const char *name);

/* Stack bytes a moved site takes: its size rounded up to its alignment. */
uint64_t decide_slot_bytes(const site *s);

/* The alloca alignment for a site: max(16, requested). */
uint64_t decide_slot_align(const site *s);

#endif
