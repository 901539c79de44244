// RUN: %adversarial %s
/* class 2: xor-linked list, a node address only exists xor-ed into its neighbours link words; pattern: memory-saving xor doubly-linked lists */
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
struct xnode { uintptr_t link; int val; };
struct xnode g_head_node, g_tail_node;   /* sentinels */

static void xl_init(void) {
  g_head_node.link = (uintptr_t)&g_tail_node;   /* prev = 0 */
  g_tail_node.link = (uintptr_t)&g_head_node;   /* next = 0 */
}

/* insert between the two sentinels (list holds at most one real node here) */
NOINLINE static void xl_insert(int v) {
  struct xnode *n = ALLOC(sizeof *n);
  n->val = v;
  n->link = (uintptr_t)&g_head_node ^ (uintptr_t)&g_tail_node;
  g_head_node.link = (uintptr_t)n;               /* 0 ^ n */
  g_tail_node.link = (uintptr_t)n;               /* n ^ 0 */
}

int main(void) {
  xl_init();
  xl_insert(77);
  clobber();
  struct xnode *prev = &g_head_node, *cur = (struct xnode *)(g_head_node.link ^ 0);
  int sum = 0, n = 0;
  while (cur != &g_tail_node) {
    sum += cur->val; n++;
    struct xnode *next = (struct xnode *)(cur->link ^ (uintptr_t)prev);
    prev = cur; cur = next;
    if (n > 10) break;
  }
  printf("nodes=%d sum=%d\n", n, sum);
  return 0;
}
