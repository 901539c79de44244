// RUN: %adversarial %s
/* class 10: a callee follows two pointers it loads from its parameter at run-time indices and subtracts the names they point to (t->sym[i]->name - t->sym[j]->name, as integers); both second-level loads read one object made for "a field of any field of *t", the two names are taken for one object and the gap for an offset carrying nothing, so the name rebuilt from the first name + gap does not make the second name escape: its malloc is moved; pattern: string-pool layout checks / name offsets in symbol tables (ELF/DWARF string table writers, interners) */
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

struct sym { int kind; const char *name; long value; };
struct symtab { int n; struct sym *sym[8]; };

/* how far the name of symbol i lies from the name of symbol j in the string pool */
static long name_gap(const struct symtab *t, int i, int j) {
  return (long)((uintptr_t)t->sym[i]->name - (uintptr_t)t->sym[j]->name);
}

static const char *strtab_start;  /* the pool's first string, written to the image header */
static long strtab_off[8];        /* each symbol's name offset from the first string */

static void emit_symbols(int base) {
  struct symtab t = { 0 };
  struct sym s0 = { 1, 0, base }, s1 = { 2, 0, base + 16 };
  char *n0 = ALLOC(24), *n1 = ALLOC(40);
  snprintf(n0, 24, "main_%d", base);
  snprintf(n1, 40, "helper_function_%d", base + 1);
  s0.name = n0; s1.name = n1;
  t.sym[0] = &s0; t.sym[1] = &s1; t.n = 2;
  strtab_start = n0;
  strtab_off[0] = 0;
  strtab_off[1] = name_gap(&t, 1, 0);
}

static unsigned long scribble(int k) {   /* unrelated work that reuses the stack */
  char buf[512];
  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)('a' + (i * k) % 26);
  unsigned long h = 5381;
  for (int i = 0; i < (int)sizeof buf; i++) h = h * 33 + (unsigned char)buf[i];
  return h;
}

int main(void) {
  emit_symbols(40);
  printf("scribble %lu\n", scribble(7) % 1000);
  for (int i = 0; i < 2; i++)
    printf("sym %d: %s\n", i, (const char *)((uintptr_t)strtab_start + strtab_off[i]));
  return 0;
}
