// RUN: %adversarial %s
/* class 9: AST evaluator dispatching through a const visitor table; visit_call collects its argument values in malloc(nkids * 8), which the plugin turns into a 64-byte entry-block buffer in a function it knows may recurse through the table; that 64 bytes (plus the extra saved register) takes the frame from 48 to 120 bytes, so a 12000-deep left-nested call chain that fits a 1 MiB worker thread on the heap overflows it; pattern: table-driven tree walkers / interpreters over deeply nested input RT-FLAGS: -pthread */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#ifdef FORCE_STACK /* what a wrong rewrite does: a 64-byte frame buffer for small sizes, never freed */
#define ALLOC_SMALL(n) ((n) <= 64 ? (void *)(union { char c_[64]; long double a_; }){ { 0 } }.c_ : malloc(n))
#define FREE_SMALL(p) ((void)(p))
#else
#define ALLOC_SMALL(n) malloc(n)
#define FREE_SMALL(p) free(p)
#endif
#ifndef THREAD_STACK
#define THREAD_STACK (1u << 20)
#endif
#ifndef DEPTH
#define DEPTH 12000
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

enum kind { K_NUM, K_ADD, K_CALL };
struct node { enum kind kind; int nkids; long val; struct node **kids; };
typedef long (*visit_fn)(const struct node *);
static long visit_num(const struct node *n);
static long visit_add(const struct node *n);
static long visit_call(const struct node *n);
static const visit_fn visitors[] = { visit_num, visit_add, visit_call };
static long visit(const struct node *n) { return visitors[n->kind](n); }
static long visit_num(const struct node *n) { return n->val; }
static long visit_add(const struct node *n) {
  long s = 0;
  for (int i = 0; i < n->nkids; i++) s += visit(n->kids[i]);
  return s;
}
/* evaluate the arguments first, then combine them */
static long visit_call(const struct node *n) {
  long *args = ALLOC_SMALL(n->nkids * sizeof *args);
  for (int i = 0; i < n->nkids; i++) args[i] = visit(n->kids[i]);
  long r = n->val;
  for (int i = 0; i < n->nkids; i++) r = r * 31 + args[i];
  FREE_SMALL(args);
  return r % 1000003;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  struct node *leaf = calloc(1, sizeof *leaf);
  leaf->kind = K_NUM; leaf->val = 7;
  struct node *t = leaf;
  for (int i = 0; i < depth; i++) {   /* f(f(f(...(7, 7)...), 7), 7) */
    struct node *n = calloc(1, sizeof *n);
    n->kind = K_CALL; n->val = i; n->nkids = 2;
    n->kids = malloc(2 * sizeof *n->kids);
    n->kids[0] = t; n->kids[1] = leaf;
    t = n;
  }
  printf("value %ld\n", visit(t));
  return NULL;
}

int main(void) {
  int depth = DEPTH;
  return run_on_thread(job, &depth);
}
