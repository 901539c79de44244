/* shared library of c5_preload (built with -fsemantic-interposition) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef FORCE_STACK
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#else
#define ALLOC(n) malloc(n)
#endif
struct answer { int id; char host[28]; };
void lib_trace(void *obj) { (void)obj; }          /* default: no tracing */
void lib_report(void) { puts("no trace shim"); }
__attribute__((noinline)) int lib_resolve(int id) {
  struct answer *a = ALLOC(sizeof *a);
  a->id = id;
  snprintf(a->host, sizeof a->host, "host-%d.example", id);
  lib_trace(a);
  return (int)strlen(a->host);
}
