// RUN: %adversarial %s
/* class 1: interior pointer written through an out-parameter (*slot = &t->vals[i]) that the caller points at a global; pattern: hash-table find-or-insert returning the slot */
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
struct tab { int n; int keys[16]; long vals[16]; };

static int tab_find(struct tab *t, int key, long **slot) {
  for (int i = 0; i < t->n; i++)
    if (t->keys[i] == key) { *slot = &t->vals[i]; return 1; }
  if (t->n == 16) return -1;
  t->keys[t->n] = key; t->vals[t->n] = 0;
  *slot = &t->vals[t->n++];
  return 0;
}

long *g_counter;   /* hot counter cached by the stats module */

NOINLINE static void stats_init(void) {
  struct tab *t = ALLOC(sizeof *t);
  t->n = 0;
  long *s;
  for (int k = 1; k <= 5; k++) { tab_find(t, k * 10, &s); *s = k * 100; }
  tab_find(t, 30, &g_counter);
  *g_counter += 1;
}

int main(void) {
  stats_init();
  clobber();
  *g_counter += 1;
  printf("counter=%ld\n", *g_counter);
  return 0;
}
