// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Recursive builder: each level allocates {a,b}, links one of them into the
   parent's node (caller memory) and frees the other. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct node { struct node *child; char name[16]; };
__attribute__((noinline)) static void build(struct node *parent, int depth, int seed) {
  if (depth == 0) return;
#ifdef FORCE_STACK
  struct node sa, sb;
  struct node *a = &sa, *b = &sb;
#else
  struct node *a = malloc(sizeof *a), *b = malloc(sizeof *b);
#endif
  a->child = b->child = NULL;
  snprintf(a->name, 16, "a%d", depth); snprintf(b->name, 16, "b%d", depth);
  int c = (depth + seed) & 1;
  struct node *x = c ? a : b, *y = c ? b : a;
  parent->child = x;
#ifndef FORCE_STACK
  free(y);
#endif
  (void)y;
  build(x, depth - 1, seed);
}
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[1024];
  for (int i = 0; i < 1024; i++) junk[i] = 'Z';
}
int main(int argc, char **argv) {
  (void)argv;
  struct node root = {NULL, "root"};
  build(&root, 4, argc);
  clobber();
  int k = 0;
  for (struct node *n = &root; n && k < 10; n = n->child, k++) printf("%s\n", n->name);
  struct node *n = root.child;
  while (n) {
    struct node *nx = n->child;
#ifndef FORCE_STACK
    free(n);
#endif
    n = nx;
  }
  return 0;
}
