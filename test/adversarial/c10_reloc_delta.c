// RUN: %adversarial %s
/* class 10: a callee subtracts two pointers it loads from its parameter at run-time indices (t->s[i] - t->s[j], as integers); both loads read the parameter's shared "all fields" object, so the two are taken for one object, the difference for a plain offset carrying nothing, and the caller's rebased pointer (table base + delta) is believed to carry only the base: the entry's malloc is moved and the cached pointer dangles; pattern: self-relative offsets in string tables / relocatable images (serializers, shared-memory maps, pointer swizzling) */
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

struct strtab { int n; const char *s[8]; };

/* distance of entry i from entry j, as written into a relocatable image */
static long entry_delta(const struct strtab *t, int i, int j) {
  return (long)((uintptr_t)t->s[i] - (uintptr_t)t->s[j]);
}

static const char *pool_base;     /* the table's base string, kept for the image header */
static const char *last_lookup;   /* cache of the last resolved entry */

static void lookup(int key) {
  struct strtab t = { 0 };
  char *base = ALLOC(32), *name = ALLOC(48);
  snprintf(base, 32, "table-%d", key);
  snprintf(name, 48, "entry-%d-of-table-%d", key * 7, key);
  t.s[0] = base;
  t.s[1] = name;
  t.n = 2;
  pool_base = base;
  long d = entry_delta(&t, 1, 0);                         /* where entry 1 lies from the base */
  last_lookup = (const char *)((uintptr_t)pool_base + d); /* rebase, as the image loader does */
}

static unsigned long scribble(int k) {   /* an unrelated call that reuses the stack */
  char buf[512];
  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)('a' + (i * k) % 26);
  unsigned long h = 5381;
  for (int i = 0; i < (int)sizeof buf; i++) h = h * 33 + (unsigned char)buf[i];
  return h;
}

int main(void) {
  lookup(3);
  unsigned long h = scribble(5);
  printf("scribble %lu\n", h % 1000);
  printf("cached: %s\n", last_lookup);
  return 0;
}
