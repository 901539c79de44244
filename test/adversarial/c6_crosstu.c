// RUN: %adversarial %s
/* class 6: recursion that crosses translation units (walk in this file, visit_children in the other), walk keeps a 3500-byte path buffer; pattern: tree walkers split across modules. RT-FLAGS: -pthread RT-LTO */
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
struct tnode { int id; int nkids; struct tnode **kids; };
void visit_children(struct tnode *n);     /* c6_crosstu_b.c, calls walk() for each child */
long g_visited, g_sum;

void walk(struct tnode *n) {
  char *path = ALLOC(3500);
  int len = snprintf(path, 3500, "node-%d", n->id);
  g_visited++;
  visit_children(n);
  g_sum += len + path[len - 1];     /* closing record after the children */
  FREE(path);
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  struct tnode *v = calloc((size_t)depth, sizeof *v);
  struct tnode **links = calloc((size_t)depth, sizeof *links);
  for (int i = 0; i < depth; i++) {
    v[i].id = i;
    if (i + 1 < depth) { links[i] = &v[i + 1]; v[i].kids = &links[i]; v[i].nkids = 1; }
  }
  walk(&v[0]);
  printf("visited %ld sum %ld\n", g_visited, g_sum);
  return NULL;
}

int main(void) {
  int depth = 3000;
  return run_on_thread(job, &depth);
}
