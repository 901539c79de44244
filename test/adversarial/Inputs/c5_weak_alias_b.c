/* second translation unit of c5_weak_alias: strong trace_obj */
#include <stdio.h>
struct frame { int pc; char fn[20]; };
static struct frame *g_last;
void trace_obj(void *obj) { g_last = obj; }
void trace_dump(void) { if (g_last) printf("traced %s pc=%d\n", g_last->fn, g_last->pc); else puts("traced nothing"); }
