// RUN: %adversarial %s
/* class 8 (control): Treiber stack push with a compare-and-swap on a global head; pattern: lock-free free lists */
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
#include <stdatomic.h>
struct node { struct node *next; int val; };
static _Atomic(struct node *) g_top;

NOINLINE static void push(int v) {
  struct node *n = ALLOC(sizeof *n);
  n->val = v;
  struct node *old = atomic_load(&g_top);
  do n->next = old; while (!atomic_compare_exchange_weak(&g_top, &old, n));
}

int main(void) {
  push(1); push(2); push(3);
  clobber();
  int sum = 0, cnt = 0;
  for (struct node *n = atomic_load(&g_top); n && cnt < 10; n = n->next) { sum = sum * 10 + n->val; cnt++; }
  printf("popped order %d (%d nodes)\n", sum, cnt);
  return 0;
}
