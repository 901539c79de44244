/* LD_PRELOAD shim of c5_preload: keeps the last traced object and reports it */
#include <stdio.h>
struct answer { int id; char host[28]; };
static struct answer *g_last;
void lib_trace(void *obj) { g_last = obj; }
void lib_report(void) { if (g_last) printf("traced id=%d host=%s\n", g_last->id, g_last->host); else puts("traced nothing"); }
