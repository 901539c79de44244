// RUN: %adversarial %s
/* class 6: recursion through a qsort comparator (canon -> qsort -> cmp -> canon), canon keeps a 3000-byte scratch key buffer; pattern: canonical ordering of nested documents (JSON canonicalisation). RT-FLAGS: -pthread */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
#include <pthread.h>
#ifndef THREAD_STACK
#define THREAD_STACK (4u << 20)
#endif
/* run fn on a thread with THREAD_STACK bytes of stack and a large guard region */
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
struct node { int leaf; long id; int nkids; struct node *kids[2]; unsigned long key; };

static unsigned long canon(struct node *n);
static int cmp_nodes(const void *a, const void *b) {
  struct node *x = *(struct node *const *)a, *y = *(struct node *const *)b;
  unsigned long kx = canon(x), ky = canon(y);      /* keys are computed lazily */
  return kx < ky ? -1 : kx > ky;
}

/* canonical key of a subtree: sort the children, hash their keys into a scratch buffer */
static unsigned long canon(struct node *n) {
  if (n->key) return n->key;
  if (n->leaf) return n->key = (unsigned long)n->id * 2654435761u + 1;
  char *scratch = ALLOC(3000);
  qsort(n->kids, (size_t)n->nkids, sizeof n->kids[0], cmp_nodes);
  int len = 0;
  for (int i = 0; i < n->nkids; i++)
    len += snprintf(scratch + len, 3000 - (size_t)len, "%lx,", n->kids[i]->key);   /* computed by the comparator */
  unsigned long h = 1469598103934665603ul;
  for (int i = 0; i < len; i++) h = (h ^ (unsigned char)scratch[i]) * 1099511628211ul;
  FREE(scratch);
  return n->key = h | 1;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  /* a deeply nested document: every level holds one leaf and the next level */
  struct node *nodes = calloc((size_t)depth * 2 + 1, sizeof *nodes);
  for (int d = 0; d < depth; d++) {
    struct node *in = &nodes[2 * d], *leaf = &nodes[2 * d + 1];
    leaf->leaf = 1; leaf->id = d;
    in->nkids = 2; in->kids[0] = &nodes[2 * d + 2]; in->kids[1] = leaf;
  }
  nodes[2 * depth].leaf = 1; nodes[2 * depth].id = -1;
  unsigned long k = canon(&nodes[0]);
  printf("canonical key of depth-%d document: %016lx\n", depth, k);
  free(nodes);
  return NULL;
}

int main(void) {
  int depth = 2000;
  return run_on_thread(job, &depth);
}
