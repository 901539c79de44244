// RUN: %adversarial %s
/* class 15: many wrapper calls in one function, wrappers calling wrappers, one node linked into a global list (red team round 10) */
/* A JSON-ish builder: lots of xmalloc/xcalloc/xstrdup-like wrapper calls
   in one function, wrappers calling wrappers, counters in the wrappers,
   results stored into a local struct; one node (picked at run time) is
   linked into a global list and must stay on the heap. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long n_alloc, n_free, bytes;
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); n_alloc++; bytes += n; return p; }
static void *xzalloc(size_t n) { void *p = xmalloc(n); memset(p, 0, n); return p; }
static void *xcalloc(size_t c, size_t n) { void *p = calloc(c, n); if (!p) abort(); n_alloc++; bytes += c * n; return p; }
static void *xmemdup(const void *s, size_t n) { void *p = xmalloc(n); memcpy(p, s, n); return p; }
static void xfree(void *p) { if (p) n_free++; free(p); }

struct node { struct node *next; int kind; char name[24]; };
static struct node *keep;

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x ^ i);
  return big[x & 8191];
}

__attribute__((noinline)) unsigned build(int sel) {
  struct { struct node *a, *b, *c; char *t1, *t2; int *v; } tmp;
  tmp.a = xzalloc(sizeof(struct node));
  tmp.b = xmalloc(sizeof(struct node));
  tmp.c = xcalloc(1, sizeof(struct node));
  tmp.t1 = xmemdup("hello", 6);
  tmp.t2 = xmemdup("world", 6);
  tmp.v = xcalloc(4, sizeof(int));
  char *s1 = xmalloc(8), *s2 = xmalloc(8), *s3 = xzalloc(8), *s4 = xmalloc(8);
  memcpy(s1, "one", 4); memcpy(s2, "two", 4); memcpy(s3, "thr", 4); memcpy(s4, "fou", 4);
  tmp.a->kind = 1; tmp.b->kind = 2; tmp.c->kind = 3;
  memcpy(tmp.a->name, tmp.t1, 6);
  memcpy(tmp.b->name, tmp.t2, 6);
  memcpy(tmp.c->name, s1, 4);
  tmp.v[0] = sel; tmp.v[1] = s2[0]; tmp.v[2] = s3[1]; tmp.v[3] = s4[2];
  struct node *pick;
#ifdef FORCE_STACK
  struct node fs;
  if (sel == 2) { fs = *tmp.c; pick = &fs; } else
#endif
  pick = sel == 0 ? tmp.a : sel == 1 ? tmp.b : tmp.c;
  unsigned h = 0;
  for (int i = 0; i < 4; i++) h = h * 7 + tmp.v[i];
  for (const char *q = pick->name; *q; q++) h = h * 31 + *q;
  if (sel == 2) { pick->next = keep; keep = pick; }
  if (pick != tmp.a) xfree(tmp.a);
  if (pick != tmp.b) xfree(tmp.b);
  if (pick != tmp.c) xfree(tmp.c);
  xfree(tmp.t1); xfree(tmp.t2); xfree(tmp.v);
  xfree(s1); xfree(s2); xfree(s3); xfree(s4);
  if (sel != 2) xfree(pick);
  return h;
}

int main(void) {
  unsigned h = 0;
  for (int i = 0; i < 6; i++) h += build(i % 3);
  clobber(5);
  printf("h=%u alloc=%ld free=%ld bytes=%ld\n", h, n_alloc, n_free, bytes);
  for (struct node *n = keep; n; n = n->next) printf("kept %d %s\n", n->kind, n->name);
  return 0;
}
