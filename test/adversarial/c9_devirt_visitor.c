// RUN: %adversarial %s
/* class 9: recursive in-order tree walk that takes a visitor callback; the plugin moves the visitor's 1000-byte line buffer (a function reached only through a pointer is not on any recursion), then IPSCCP turns the callback into a direct call and the inliner puts the visitor, and its buffer, into every level of the recursive walk; 30000-deep degenerate BST (input sorted newest first) on an 8 MiB thread; pattern: tree/AST walkers with visitor function pointers (twalk-style APIs) RT-FLAGS: -pthread */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <pthread.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#ifndef THREAD_STACK
#define THREAD_STACK (8u << 20)
#endif
static int run_on_thread(void *(*fn)(void *), void *arg) {
  pthread_attr_t a; pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, THREAD_STACK);
  pthread_attr_setguardsize(&a, 1u << 20);
  if (pthread_create(&t, &a, fn, arg)) return 1;
  pthread_join(t, NULL);
  pthread_attr_destroy(&a);
  return 0;
}

struct node { struct node *left, *right; long key; const char *name; };
struct out { unsigned long h; long lines; };

static struct node *insert(struct node *root, struct node *n) {
  struct node **link = &root;                 /* iterative insert: no recursion here */
  while (*link) link = n->key < (*link)->key ? &(*link)->left : &(*link)->right;
  *link = n;
  return root;
}

static void walk(const struct node *n, struct out *o, void (*visit)(const struct node *, struct out *)) {
  if (!n) return;
  walk(n->left, o, visit);
  visit(n, o);
  walk(n->right, o, visit);
}

/* the visitor: formats one line of the listing */
static void print_entry(const struct node *n, struct out *o) {
  char *line = ALLOC(1000);
  int len = snprintf(line, 1000, "%8ld  %-24s  %p\n", n->key, n->name, (void *)0);
  for (int i = 0; i < len; i++) o->h = (o->h ^ (unsigned char)line[i]) * 1099511628211ul;
  o->lines++;
  FREE(line);
}

static void *job(void *arg) {
  long count = *(long *)arg;
  static const char *const names[] = { "alpha", "bravo", "charlie", "delta", "echo" };
  struct node *pool = calloc((size_t)count, sizeof *pool), *root = NULL;
  for (long i = 0; i < count; i++) {         /* keys arrive newest first: already sorted */
    pool[i].key = (count - i) * 3 + 1; pool[i].name = names[i % 5];
    root = insert(root, &pool[i]);            /* (no rebalancing) */
  }
  struct out o = { 1469598103934665603ul, 0 };
  walk(root, &o, print_entry);
  printf("listed %ld entries, digest %016lx\n", o.lines, o.h);
  free(pool);
  return NULL;
}

int main(void) {
  long count = 30000;
  return run_on_thread(job, &count);
}
