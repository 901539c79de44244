// RUN: %adversarial %s
/* class 3: store through a pointer rebuilt (inttoptr) from an address the process reads from its environment; pattern: a parent passing a shared registry address to plugins as "REGISTRY=0x..." */
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
struct entry { int id; char name[20]; };
struct registry { int n; struct entry *items[8]; };
struct registry g_registry;

NOINLINE static void plugin_register(int id) {
  struct entry *e = ALLOC(sizeof *e);
  e->id = id;
  snprintf(e->name, sizeof e->name, "plugin-%d", id);
  const char *a = getenv("REGISTRY");
  struct registry *r = (struct registry *)(uintptr_t)strtoull(a, NULL, 16);
  r->items[r->n++] = e;
}

int main(void) {
  char buf[32];
  snprintf(buf, sizeof buf, "%llx", (unsigned long long)(uintptr_t)&g_registry);
  setenv("REGISTRY", buf, 1);
  plugin_register(17);
  clobber();
  struct entry *e = g_registry.items[0];
  printf("n=%d id=%d name=%s\n", g_registry.n, e->id, e->name);
  return 0;
}
