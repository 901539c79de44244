/* second translation unit of c5_weak_hook: strong definition overriding the weak hook */
#include <stdio.h>
struct shape { int kind; double area; char name[16]; };
static struct shape *g_seen;
void on_object_created(void *obj, int kind) { (void)kind; g_seen = obj; }
void dump_created(void) { if (g_seen) printf("seen %s kind=%d\n", g_seen->name, g_seen->kind); else puts("seen nothing"); }
