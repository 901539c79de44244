// RUN: %adversarial %s
/* class 8: live objects registered in a 4-level radix map keyed by address bits (only a flag is stored), later enumerated by rebuilding addresses from the indices; pattern: tcmalloc-style pagemaps, conservative GC / leak-checker object maps */
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
/* 44 significant bits of (address >> 4), 11 bits per level */
#define LB 11
#define FAN (1u << LB)
struct leaf { unsigned char live[FAN]; };
struct l2 { struct leaf *c[FAN]; };
struct l1 { struct l2 *c[FAN]; };
struct root { struct l1 *c[FAN]; };
static struct root g_map;

static void map_mark(const void *p) {
  uint64_t k = (uint64_t)(uintptr_t)p >> 4;
  unsigned i0 = (k >> (3 * LB)) & (FAN - 1), i1 = (k >> (2 * LB)) & (FAN - 1), i2 = (k >> LB) & (FAN - 1), i3 = k & (FAN - 1);
  if (!g_map.c[i0]) g_map.c[i0] = calloc(1, sizeof(struct l1));
  struct l1 *a = g_map.c[i0];
  if (!a->c[i1]) a->c[i1] = calloc(1, sizeof(struct l2));
  struct l2 *b = a->c[i1];
  if (!b->c[i2]) b->c[i2] = calloc(1, sizeof(struct leaf));
  b->c[i2]->live[i3] = 1;
}

typedef void (*visit_fn)(void *obj);
static void map_each(visit_fn fn) {
  for (uint64_t i0 = 0; i0 < FAN; i0++) if (g_map.c[i0])
    for (uint64_t i1 = 0; i1 < FAN; i1++) if (g_map.c[i0]->c[i1])
      for (uint64_t i2 = 0; i2 < FAN; i2++) if (g_map.c[i0]->c[i1]->c[i2])
        for (uint64_t i3 = 0; i3 < FAN; i3++) if (g_map.c[i0]->c[i1]->c[i2]->live[i3])
          fn((void *)(uintptr_t)((((i0 << (3 * LB)) | (i1 << (2 * LB)) | (i2 << LB) | i3)) << 4));
}

struct obj { int id; char name[20]; };

NOINLINE static void create(int id) {
  struct obj *o = ALLOC(sizeof *o);
  o->id = id;
  snprintf(o->name, sizeof o->name, "object-%d", id);
  map_mark(o);                         /* tracked as live, never freed in this program */
}

static void report(void *p) { struct obj *o = p; printf("live: id=%d %s\n", o->id, o->name); }

int main(void) {
  create(7);
  clobber();
  map_each(report);
  return 0;
}
