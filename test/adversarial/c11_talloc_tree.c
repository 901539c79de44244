// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* talloc-like hierarchy: every chunk has a header linking it into its
   parent's child list; freeing a context frees all descendants. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct hdr { struct hdr *parent, *child, *next; size_t size; };
#define H(p) ((struct hdr *)(p) - 1)
static int nfreed;
static void *tnew(void *ctx, size_t n) {
  struct hdr *h = malloc(sizeof *h + n);
  if (!h) abort();
  h->child = NULL; h->size = n; h->parent = ctx ? H(ctx) : NULL;
  if (ctx) { h->next = H(ctx)->child; H(ctx)->child = h; } else h->next = NULL;
  return h + 1;
}
static char *tstrdup(void *ctx, const char *s) { size_t l = strlen(s) + 1; char *p = tnew(ctx, l); memcpy(p, s, l); return p; }
static void tfree_hdr(struct hdr *h) {
  struct hdr *c = h->child;
  while (c) { struct hdr *n = c->next; tfree_hdr(c); c = n; }
  nfreed++; free(h);
}
static void tfree(void *p) { if (p) tfree_hdr(H(p)); }

static void *root;
__attribute__((noinline)) static int add_entry(const char *key) {
#ifdef FORCE_STACK
  struct { struct hdr h; char s[32]; } local;
  struct hdr *h = &local.h; h->child = NULL; h->size = 32; h->parent = H(root); h->next = H(root)->child; H(root)->child = h;
  char *s = (char *)(h + 1); strcpy(s, key);
#else
  char *s = tstrdup(root, key);
#endif
  return (int)strlen(s);
}

int main(void) {
  root = tnew(NULL, 0);
  int t = add_entry("alpha") + add_entry("beta") + add_entry("gamma");
  int n = 0;
  for (struct hdr *c = H(root)->child; c; c = c->next) { printf("%s ", (char *)(c + 1)); n++; }
  printf("\nt=%d n=%d\n", t, n);
  tfree(root);
  printf("freed=%d\n", nfreed);
  return 0;
}
