#include <stdlib.h>
struct node { struct node *next; int v; };
struct node *push(struct node *head, int v) {
  struct node *n = malloc(sizeof *n);
  n->next = head;
  n->v = v;
  return n;
}
