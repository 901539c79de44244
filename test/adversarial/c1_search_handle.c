// RUN: %adversarial %s
/* class 1: interior pointer found by a search loop in a callee (return &c->val[i]) and stored into a handle object that is returned; pattern: cache lookup handing out element handles */
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
struct cache { int n; int tags[32]; double val[32]; };
struct handle { int tag; double *slot; };

static double *cache_lookup(struct cache *c, int tag) {
  for (int i = 0; i < c->n; i++)
    if (c->tags[i] == tag) return &c->val[i];
  return NULL;
}

NOINLINE static struct handle *open_handle(int tag) {
  struct cache *c = ALLOC(sizeof *c);     /* "temporary" cache, the handle points into it */
  c->n = 32;
  for (int i = 0; i < 32; i++) { c->tags[i] = i * 3; c->val[i] = i * 1.5; }
  struct handle *h = malloc(sizeof *h);
  h->tag = tag;
  h->slot = cache_lookup(c, tag);
  return h;
}

int main(void) {
  struct handle *h = open_handle(21);
  clobber();
  *h->slot += 0.25;
  printf("tag %d -> %.2f\n", h->tag, *h->slot);
  free(h);
  return 0;
}
