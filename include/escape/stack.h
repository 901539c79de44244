/* stack.h — what escape adds to the stack, along every call path, in the
 * frames that exist after inlining. Decides which of the candidates
 * (sites that decide.c let through) move, and keeps the inliner from
 * putting moved slots where the rules would not have let them. */
#ifndef ESCAPE_STACK_H
#define ESCAPE_STACK_H

#include "escape/module.h"

/* Runs after every function was analysed: turns candidates into moves or
 * stack refusals (REFUSE_RECURSIVE, REFUSE_CYCLE_BUDGET, REFUSE_FRAME_BUDGET,
 * REFUSE_STACK_BUDGET), and, when the pass may change the IR, marks the
 * call sites that must not be inlined. */
void stack_decide(escape_module *m);

#endif
