// RUN: %adversarial %s
/* class 1: interior pointer returned by a callee (return &v->items[v->len++]) kept in a global "last item" cache; pattern: small-vector container with inline storage */
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
struct item { int key; char name[12]; };
struct smallvec { int len, cap; struct item items[8]; };

static struct item *sv_push(struct smallvec *v) {
  if (v->len == v->cap) return NULL;
  return &v->items[v->len++];
}

struct item *g_last;     /* most recently registered item, used by the UI */

NOINLINE static int load_items(int n) {
  struct smallvec *v = ALLOC(sizeof *v);
  v->len = 0; v->cap = 8;
  struct item *it = NULL;
  for (int i = 0; i < n; i++) {
    it = sv_push(v);
    if (!it) break;
    it->key = i * i + 7;
    snprintf(it->name, sizeof it->name, "item%d", i);
  }
  g_last = it;           /* the vector itself is "dropped" but the item lives on (leaked in the heap build) */
  return v->len;
}

int main(void) {
  int n = load_items(5);
  clobber();
  printf("loaded %d, last key=%d name=%s\n", n, g_last->key, g_last->name);
  return 0;
}
