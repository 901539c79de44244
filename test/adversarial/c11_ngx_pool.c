// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* nginx-style pool: small requests come from the pool block, large ones are
   malloc'd and linked into pool->large so that destroy_pool frees them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct large { struct large *next; void *alloc; };
struct pool { char *last, *end; struct large *large; char data[256]; };

static struct pool *create_pool(void) {
  struct pool *p = malloc(sizeof *p); if (!p) abort();
  p->last = p->data; p->end = p->data + sizeof p->data; p->large = NULL; return p;
}
static void *palloc_small(struct pool *p, size_t n) {
  n = (n + 15) & ~(size_t)15;
  if ((size_t)(p->end - p->last) < n) return NULL;
  void *r = p->last; p->last += n; return r;
}
static void *palloc_large(struct pool *p, size_t n) {
  void *m = malloc(n); if (!m) return NULL;
  struct large *l = palloc_small(p, sizeof *l);
  if (!l) { l = malloc(sizeof *l); if (!l) abort(); }
  l->alloc = m; l->next = p->large; p->large = l;
  return m;
}
static void *palloc(struct pool *p, size_t n) { return n <= 64 ? palloc_small(p, n) : palloc_large(p, n); }
static int destroyed;
static void destroy_pool(struct pool *p) {
  for (struct large *l = p->large; l; l = l->next) { if (l->alloc) { free(l->alloc); destroyed++; } }
  free(p);
}

__attribute__((noinline)) static int handle(struct pool *p, int k) {
#ifdef FORCE_STACK
  char b[100]; char *buf = b;
  struct large *l = palloc_small(p, sizeof *l); l->alloc = buf; l->next = p->large; p->large = l;
#else
  char *buf = palloc(p, 100);
#endif
  int n = snprintf(buf, 100, "request %d handled", k);
  return n;
}

int main(void) {
  struct pool *p = create_pool();
  int t = 0;
  for (int i = 0; i < 3; i++) t += handle(p, i);
  destroy_pool(p);
  printf("t=%d destroyed=%d\n", t, destroyed);
  return 0;
}
