// RUN: %adversarial %s
/* class 5: weak default hook (empty) in this file, strong override in the other file keeps the object; pattern: weak hooks overridable by the application (e.g. tracing callbacks) RT-LTO */
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
__attribute__((weak)) void on_object_created(void *obj, int kind) { (void)obj; (void)kind; }
void dump_created(void);   /* c5_weak_hook_b.c */

struct shape { int kind; double area; char name[16]; };

NOINLINE static double make_shape(int kind) {
  struct shape *s = ALLOC(sizeof *s);
  s->kind = kind; s->area = kind * 2.5;
  snprintf(s->name, sizeof s->name, "shape%d", kind);
  on_object_created(s, kind);
  return s->area;
}

int main(void) {
  double a = make_shape(4);
  clobber();
  printf("area=%.1f\n", a);
  dump_created();
  return 0;
}
