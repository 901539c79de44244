// RUN: %adversarial %s
/* class 2: low-bit tagged pointer (p | 1) kept in a global array of words; pattern: tagged unions in Lisp/OCaml-style runtimes and lock-free mark bits */
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
uintptr_t g_env[8];

struct cons { long car; long cdr; char sym[16]; };

#define TAG_CONS 1u
NOINLINE static void bind(int slot, long a, long b) {
  struct cons *c = ALLOC(sizeof *c);
  c->car = a; c->cdr = b;
  snprintf(c->sym, sizeof c->sym, "x%d", slot);
  g_env[slot] = (uintptr_t)c | TAG_CONS;
}

int main(void) {
  bind(4, 10, 32);
  clobber();
  uintptr_t w = g_env[4];
  if ((w & 7) != TAG_CONS) { puts("bad tag"); return 1; }
  struct cons *c = (struct cons *)(w & ~(uintptr_t)7);
  printf("%s = (%ld . %ld)\n", c->sym, c->car, c->cdr);
  return 0;
}
