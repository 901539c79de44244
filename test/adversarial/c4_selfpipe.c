// RUN: %adversarial %s
/* class 4: task pointer written into a self-pipe and read back by the event loop, which runs and frees it; pattern: self-pipe wakeups carrying work items (libuv/redis-style) */
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
#include <unistd.h>
struct task { void (*fn)(struct task *); int arg; char label[20]; };
static int g_pipe[2];
static int g_total;

static void run_add(struct task *t) { g_total += t->arg; printf("ran %s -> total %d\n", t->label, g_total); }

NOINLINE static void post_task(int arg) {
  struct task *t = ALLOC(sizeof *t);
  t->fn = run_add; t->arg = arg;
  snprintf(t->label, sizeof t->label, "add(%d)", arg);
  if (write(g_pipe[1], &t, sizeof t) != sizeof t) abort();
}

static void event_loop_once(void) {
  struct task *t;
  if (read(g_pipe[0], &t, sizeof t) != sizeof t) abort();
  t->fn(t);
#ifndef FORCE_STACK
  free(t);
#endif
}

int main(void) {
  if (pipe(g_pipe)) return 1;
  post_task(5);
  post_task(8);
  clobber();
  event_loop_once();
  event_loop_once();
  return 0;
}
