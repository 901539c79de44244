// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Nodes allocated in a loop, linked through their own memory, freed together
   in a second loop (free(n) receives the node site from every iteration). */
#include <stdio.h>
#include <stdlib.h>
struct node { struct node *next; int v; };
__attribute__((noinline)) static int run(int n) {
  struct node *head = NULL;
  for (int i = 0; i < n; i++) {
#ifdef FORCE_STACK
    struct node sn;
    struct node *x = &sn;
#else
    struct node *x = (i & 1) ? malloc(sizeof *x) : calloc(1, sizeof *x);
#endif
    x->v = i * 3 + 1;
    x->next = head;
    head = x;
  }
  int s = 0, k = 0;
  for (struct node *p = head; p && k < 100; k++) {
    struct node *nx = p->next;
    s = s * 7 + p->v;
#ifndef FORCE_STACK
    free(p);
#endif
    p = nx;
  }
  return s * 1000 + k;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", run(4 + argc));
  return 0;
}
