// RUN: %adversarial %s
/* class 5: call through a weak alias of an empty function, overridden in the other file; pattern: "#pragma weak foo = foo_default" default implementations RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
void trace_obj_default(void *obj) { (void)obj; }
void trace_obj(void *obj) __attribute__((weak, alias("trace_obj_default")));
void trace_dump(void);   /* c5_weak_alias_b.c */

struct frame { int pc; char fn[20]; };

NOINLINE static int enter(int pc) {
  struct frame *f = ALLOC(sizeof *f);
  f->pc = pc;
  snprintf(f->fn, sizeof f->fn, "fn_at_%d", pc);
  trace_obj(f);
  return f->pc + 1;
}

int main(void) {
  int r = enter(64);
  clobber();
  printf("r=%d\n", r);
  trace_dump();
  return 0;
}
