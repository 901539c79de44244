// RUN: %adversarial %s
/* class 3: store through a registry pointer rebuilt from two 32-bit halves kept in a config block (ABI shared with 32-bit code); pattern: handle/config structs with split 64-bit addresses */
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
struct item { int id; char name[20]; };
struct registry { int n; struct item *items[8]; };
static struct registry g_registry;
struct config { uint32_t reg_lo, reg_hi; int flags; };
static struct config g_cfg;

static struct registry *cfg_registry(const struct config *c) {
  return (struct registry *)(uintptr_t)(((uint64_t)c->reg_hi << 32) | c->reg_lo);
}

NOINLINE static void add_item(int id) {
  struct item *it = ALLOC(sizeof *it);
  it->id = id;
  snprintf(it->name, sizeof it->name, "item-%d", id);
  struct registry *r = cfg_registry(&g_cfg);
  r->items[r->n++] = it;
}

int main(void) {
  uint64_t a = (uintptr_t)&g_registry;
  g_cfg.reg_lo = (uint32_t)a; g_cfg.reg_hi = (uint32_t)(a >> 32);
  add_item(11);
  clobber();
  printf("n=%d id=%d name=%s\n", g_registry.n, g_registry.items[0]->id, g_registry.items[0]->name);
  return 0;
}
