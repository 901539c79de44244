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
/* class 1: a callee returns a pointer into the middle of its argument (a
   field, container_of, a pushed slot); the caller stores through it and then
   publishes the field it really landed in. pattern: accessor functions, intrusive
   lists, small vectors */
#include <stddef.h>
struct pair { void *a; long *b; };
struct link { struct link *next; };
struct item { long *payload; struct link link; };
struct vec { long len; long *items[4]; };
static long *g_b, *g_payload, *g_pushed;

static NOINLINE long **second(struct pair *p) { return &p->b; }
static NOINLINE struct item *item_of(struct link *l) {
  return (struct item *)((char *)l - offsetof(struct item, link));
}
static NOINLINE long **push(struct vec *v) { return &v->items[v->len++]; }

NOINLINE void via_field(long v) {
  struct pair pr = {NULL, NULL};
  long **slot = second(&pr);
  *slot = ALLOC(sizeof(long));
  **slot = v;
  g_b = pr.b;
}
NOINLINE void via_container(long v) {
  struct item it = {NULL, {NULL}};
  item_of(&it.link)->payload = ALLOC(sizeof(long));
  *it.payload = v;
  g_payload = it.payload;
}
NOINLINE void via_push(long v) {
  struct vec vec = {0, {NULL, NULL, NULL, NULL}};
  *push(&vec) = NULL;
  *push(&vec) = ALLOC(sizeof(long));
  *vec.items[1] = v;
  g_pushed = vec.items[1];
}
int main(void) {
  via_field(11);
  via_container(22);
  via_push(33);
  clobber();
  printf("%ld %ld %ld\n", *g_b, *g_payload, *g_pushed);
  FREE(g_b);
  FREE(g_payload);
  FREE(g_pushed);
  return 0;
}
