#include <stdlib.h>
struct node { struct node *next; int v; };
struct node *head;

void push(int v) {
  struct node *n = malloc(sizeof *n);
  n->v = v;
  n->next = head;
  head = n;
}

int sum(int k) {
  int *tmp = malloc(16);
  tmp[0] = k;
  int r = tmp[0];
  free(tmp);
  return r;
}
