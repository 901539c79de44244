// RUN: %adversarial %s
/* class 7: a small static helper with a 768-byte line buffer is moved and then inlined into the self-recursive in-order walk of a 30000-deep degenerate tree; pattern: BST dump of sorted input (unbalanced tree). RT-FLAGS: -pthread */
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
#ifndef THREAD_STACK
#define THREAD_STACK (8u << 20)     /* like the main thread */
#endif
struct tnode { long key; struct tnode *left, *right; };
static unsigned long g_hash;
static long g_lines;

static void emit(const struct tnode *n) {
  char *line = ALLOC(768);
  int len = snprintf(line, 768, "key=%ld left=%d right=%d", n->key, n->left != NULL, n->right != NULL);
  for (int i = 0; i < len; i++) g_hash = (g_hash ^ (unsigned char)line[i]) * 1099511628211ul;
  g_lines++;
  FREE(line);
}

static void walk(const struct tnode *n) {
  if (!n) return;
  walk(n->left);
  emit(n);
  walk(n->right);
}

static struct tnode *insert(struct tnode *root, struct tnode *nn) {
  struct tnode **pp = &root;
  while (*pp) pp = nn->key < (*pp)->key ? &(*pp)->left : &(*pp)->right;
  *pp = nn;
  return root;
}

static void *job(void *arg) {
  int n = *(int *)arg;
  struct tnode *pool = calloc((size_t)n, sizeof *pool), *root = NULL, *last = NULL;
  for (int i = 0; i < n; i++) {           /* keys arrive in descending order: a left spine */
    pool[i].key = n - i;
    if (!root) root = &pool[i]; else last->left = &pool[i];   /* same as insert(), O(1) */
    last = &pool[i];
  }
  (void)insert;
  walk(root);
  printf("lines=%ld hash=%016lx\n", g_lines, g_hash);
  free(pool);
  return NULL;
}

int main(void) {
  int n = 30000;
  return run_on_thread(job, &n);
}
