// Small linked nodes built, walked and freed in one function: moved. The
// node returned to the caller escapes, and the one kept in a global too.
#include <stdio.h>
#include <stdlib.h>

struct node {
  long value;
  struct node *next;
};

static struct node *last_seen;

static long sum(const struct node *n) {
  long s = 0;
  for (; n; n = n->next)
    s += n->value;
  return s;
}

long pair_sum(long a, long b) {
  struct node *first = malloc(sizeof *first);
  struct node *second = malloc(sizeof *second);
  first->value = a;
  first->next = second;
  second->value = b;
  second->next = NULL;
  long s = sum(first);
  free(second);
  free(first);
  return s;
}

struct node *make_node(long v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = NULL;
  return n;
}

void remember(long v) {
  struct node *n = malloc(sizeof *n);
  n->value = v;
  n->next = last_seen;
  last_seen = n;
}

int main(void) {
  long total = 0;
  for (long i = 0; i < 100; i++)
    total += pair_sum(i, 2 * i);
  struct node *n = make_node(total);
  remember(n->value);
  printf("%ld %ld\n", total, last_seen->value);
  free(n);
  return 0;
}
