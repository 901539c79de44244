// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* Constructor make_node() with an xstrdup'ed name; the caller takes the
   name out of the node, frees the node with free_node() and returns the
   name to its own caller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
static char *xstrdup(const char *s) { size_t l = strlen(s) + 1; char *p = xmalloc(l); memcpy(p, s, l); return p; }
static void xfree(void *p) { free(p); }
struct node { char *name; int weight; struct node *next; };
static struct node *make_node(const char *name, int w) {
  struct node *n = xmalloc(sizeof *n); n->name = xstrdup(name); n->weight = w; n->next = NULL; return n;
}
static void free_node(struct node *n) { if (n->name) xfree(n->name); xfree(n); }

__attribute__((noinline)) static char *heaviest_name(const char **names, int cnt) {
  struct node *best = NULL;
  for (int i = 0; i < cnt; i++) {
    int w = (int)strlen(names[i]) * 3 + i;
#ifdef FORCE_STACK
    static char bufs[2][32];  /* placeholder */
    (void)bufs;
    struct node *n = xmalloc(sizeof *n); char nb[32]; strcpy(nb, names[i]); n->name = nb; n->weight = w; n->next = NULL;
    if (!best || w > best->weight) { if (best) xfree(best); best = n; } else xfree(n);
#else
    struct node *n = make_node(names[i], w);
    if (!best || w > best->weight) { if (best) free_node(best); best = n; } else free_node(n);
#endif
  }
  char *r = best->name;
  best->name = NULL;
  free_node(best);
  return r;
}

int main(void) {
  const char *names[] = { "ant", "elephant", "cat", "hippopotamus", "dog" };
  char *h = heaviest_name(names, 5);
  char junk[256]; memset(junk, 'X', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("heaviest=%s\n", h);
  return 0;
}
