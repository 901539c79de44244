// RUN: %adversarial %s
/* class 7: the interpreter measures its own stack use (address of a local vs. the saved base) and reports "nested too deeply" past 1 MiB; inlined helpers with moved buffers make every level bigger; pattern: Lua/Ruby-style C-stack limit checks. RT-FLAGS: -pthread */
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
#ifndef C_STACK_LIMIT
#define C_STACK_LIMIT (1u << 20)
#endif
static uintptr_t g_stack_base;
struct expr { int op; long val; struct expr *a, *b; };     /* op 0 = literal, 1 = add, 2 = mul */
static long g_evals;

static int stack_too_deep(void) {
  char here;
  return g_stack_base - (uintptr_t)&here > C_STACK_LIMIT;
}

/* debug trace of the node being evaluated */
static void trace_node(const struct expr *e) {
  char *msg = ALLOC(900);
  int n = snprintf(msg, 900, "eval op=%d val=%ld", e->op, e->val);
  g_evals += n > 0 ? msg[n - 1] & 1 : 0;
  FREE(msg);
}

static int eval(const struct expr *e, long *out) {
  if (stack_too_deep()) return -1;
  trace_node(e);
  if (e->op == 0) { *out = e->val; return 0; }
  long x, y;
  if (eval(e->a, &x) || eval(e->b, &y)) return -1;
  *out = e->op == 1 ? x + y : x * y;
  return 0;
}

static void *job(void *arg) {
  char base;
  g_stack_base = (uintptr_t)&base;
  int depth = *(int *)arg;
  struct expr *nodes = calloc((size_t)depth * 2 + 1, sizeof *nodes);
  for (int i = 0; i < depth; i++) {         /* 1 + (1 + (1 + ...)) */
    nodes[2 * i].op = 1; nodes[2 * i].a = &nodes[2 * i + 1]; nodes[2 * i].b = &nodes[2 * i + 2];
    nodes[2 * i + 1].op = 0; nodes[2 * i + 1].val = 1;
  }
  nodes[2 * depth].op = 0; nodes[2 * depth].val = 1;
  long r;
  if (eval(&nodes[0], &r)) puts("error: expression nested too deeply");
  else printf("result=%ld evals-odd=%ld\n", r, g_evals);
  free(nodes);
  return NULL;
}

int main(void) {
  int depth = 2000;              /* well inside the 1 MiB limit for the heap build */
  return run_on_thread(job, &depth);
}
