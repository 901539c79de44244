// RUN: %adversarial %s
/* class 3 (control): store into a registry found by name with dlsym(RTLD_DEFAULT); pattern: plugins locating a host table by symbol name. RT-FLAGS: -rdynamic RT-LIBS: -ldl */
#define _GNU_SOURCE
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
#include <dlfcn.h>
struct item { int id; char name[20]; };
struct registry { int n; struct item *items[8]; };
struct registry host_registry;          /* exported (-rdynamic) */

NOINLINE static void plugin_add(int id) {
  struct item *it = ALLOC(sizeof *it);
  it->id = id;
  snprintf(it->name, sizeof it->name, "plug-%d", id);
  struct registry *r = dlsym(RTLD_DEFAULT, "host_registry");
  if (!r) { puts("no registry"); exit(1); }
  r->items[r->n++] = it;
}

int main(void) {
  plugin_add(5);
  clobber();
  printf("n=%d id=%d name=%s\n", host_registry.n, host_registry.items[0]->id, host_registry.items[0]->name);
  return 0;
}
