// RUN: %adversarial %s
/* class 3: 32-bit compressed handle = address minus a cage base pointer, rebuilt later as base + handle; pattern: V8-style pointer compression / offset-based handles */
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
static char *g_cage;                  /* base of the "cage": the first object allocated */
uint32_t g_handles[8];

struct node { int v; char name[20]; };

NOINLINE static void cage_init(void) { g_cage = malloc(sizeof(struct node)); }

static inline uint32_t compress(void *p) { return (uint32_t)((uintptr_t)p - (uintptr_t)g_cage); }
static inline void *decompress(uint32_t h) { return (void *)((uintptr_t)g_cage + h); }

NOINLINE static void new_node(int slot, int v) {
  struct node *n = ALLOC(sizeof *n);
  n->v = v;
  snprintf(n->name, sizeof n->name, "n%d", v);
  g_handles[slot] = compress(n);
}

int main(void) {
  cage_init();
  new_node(1, 99);
  clobber();
  struct node *n = decompress(g_handles[1]);
  printf("v=%d name=%s\n", n->v, n->name);
  return 0;
}
