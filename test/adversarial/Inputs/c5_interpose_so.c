/* shared library of c5_interpose (built with -fsemantic-interposition) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef FORCE_STACK
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#else
#define ALLOC(n) malloc(n)
#endif
struct token { int kind; char text[28]; };
void lib_audit(void *obj) { (void)obj; }          /* default: no auditing */
__attribute__((noinline)) int lib_parse(const char *s) {
  struct token *t = ALLOC(sizeof *t);
  t->kind = 1;
  snprintf(t->text, sizeof t->text, "%s", s);
  lib_audit(t);
  return (int)strlen(t->text);
}
