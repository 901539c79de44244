// RUN: %adversarial %s
/* class 6: recursion through twalk(3) callbacks over nested namespaces (dump_ns -> twalk -> visit -> dump_ns), dump_ns keeps a 3500-byte path buffer; pattern: tsearch-based symbol tables with nested scopes. RT-FLAGS: -pthread */
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
#include <search.h>
struct ns { char name[16]; void *children; int depth; };
static long g_count, g_pathsum;
static void dump_ns(struct ns *n);

static int cmp_ns(const void *a, const void *b) { return strcmp(((const struct ns *)a)->name, ((const struct ns *)b)->name); }

static void visit(const void *nodep, VISIT which, int level) {
  (void)level;
  if (which == postorder || which == leaf) dump_ns(*(struct ns *const *)nodep);
}

static void dump_ns(struct ns *n) {
  char *path = ALLOC(3500);                /* formatted qualified name */
  int len = snprintf(path, 3500, "%s/%d", n->name, n->depth);
  g_count++;
  g_pathsum += len + path[0];
  if (n->children) twalk(n->children, visit);
  FREE(path);
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  struct ns *all = calloc((size_t)depth, sizeof *all);
  for (int i = 0; i < depth; i++) {
    snprintf(all[i].name, sizeof all[i].name, "ns%d", i);
    all[i].depth = i;
    if (i) tsearch(&all[i], &all[i - 1].children, cmp_ns);
  }
  dump_ns(&all[0]);
  printf("visited %ld namespaces, pathsum %ld\n", g_count, g_pathsum);
  return NULL;
}

int main(void) {
  int depth = 2500;
  return run_on_thread(job, &depth);
}
