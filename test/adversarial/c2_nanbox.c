// RUN: %adversarial %s
/* class 2: NaN-boxing, the pointer bits memcpy-ed into a double on the VM value stack; pattern: JS/Lua-style NaN-boxed values */
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
#define QNAN   0x7ffc000000000000ull
#define TAG_OBJ 0x8000000000000000ull
double g_vmstack[16];
int g_top;

struct closure { int arity; int code[6]; };

static inline double box_obj(void *p) {
  uint64_t bits = QNAN | TAG_OBJ | (uint64_t)(uintptr_t)p;
  double d; memcpy(&d, &bits, sizeof d);
  return d;
}
static inline void *unbox_obj(double d) {
  uint64_t bits; memcpy(&bits, &d, sizeof bits);
  return (void *)(uintptr_t)(bits & ~(QNAN | TAG_OBJ));
}

NOINLINE static void op_closure(int arity) {
  struct closure *c = ALLOC(sizeof *c);
  c->arity = arity;
  for (int i = 0; i < 6; i++) c->code[i] = i * arity;
  g_vmstack[g_top++] = box_obj(c);
}

int main(void) {
  op_closure(3);
  clobber();
  struct closure *c = unbox_obj(g_vmstack[--g_top]);
  printf("arity=%d code5=%d\n", c->arity, c->code[5]);
  return 0;
}
