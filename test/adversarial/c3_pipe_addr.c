// RUN: %adversarial %s
/* class 3: store through a registry address that arrived as an integer over a pipe (read into a uintptr_t); pattern: a supervisor telling a worker where its shared table is */
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
struct item { int id; char name[20]; };
struct registry { int n; struct item *items[8]; };
static struct registry g_registry;
static int g_ctl[2];

NOINLINE static void worker_publish(int id) {
  uintptr_t addr;
  if (read(g_ctl[0], &addr, sizeof addr) != sizeof addr) exit(1);
  struct registry *r = (struct registry *)addr;
  struct item *it = ALLOC(sizeof *it);
  it->id = id;
  snprintf(it->name, sizeof it->name, "worker-%d", id);
  r->items[r->n++] = it;
}

int main(void) {
  if (pipe(g_ctl)) return 1;
  uintptr_t a = (uintptr_t)&g_registry;
  if (write(g_ctl[1], &a, sizeof a) != sizeof a) return 1;
  worker_publish(8);
  clobber();
  printf("n=%d id=%d name=%s\n", g_registry.n, g_registry.items[0]->id, g_registry.items[0]->name);
  return 0;
}
