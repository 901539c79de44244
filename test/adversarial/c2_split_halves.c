// RUN: %adversarial %s
/* class 2: pointer compression into two uint32_t halves stored in a global object table; pattern: compact 32-bit slot tables / serialized references */
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
struct ref { uint32_t lo, hi; };
struct ref g_refs[4];

struct obj { int kind; char label[20]; };

static inline void ref_set(struct ref *r, void *p) {
  uint64_t u = (uint64_t)(uintptr_t)p;
  r->lo = (uint32_t)u; r->hi = (uint32_t)(u >> 32);
}
static inline void *ref_get(const struct ref *r) {
  return (void *)(uintptr_t)(((uint64_t)r->hi << 32) | r->lo);
}

NOINLINE static void make_obj(int slot, int kind) {
  struct obj *o = ALLOC(sizeof *o);
  o->kind = kind;
  snprintf(o->label, sizeof o->label, "obj-%d", kind);
  ref_set(&g_refs[slot], o);
}

int main(void) {
  make_obj(2, 42);
  clobber();
  struct obj *o = ref_get(&g_refs[2]);
  printf("kind=%d label=%s\n", o->kind, o->label);
  return 0;
}
