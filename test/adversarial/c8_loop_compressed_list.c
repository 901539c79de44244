// RUN: %adversarial %s
/* class 8: list built in a loop whose next links (and the loop-carried head) are 32-bit halves, so earlier iterations objects stay reachable; a moved site gives every node the same slot; pattern: compressed-pointer linked lists */
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
struct node { uint32_t next_lo, next_hi; int val; };

static struct node *link_of(uint32_t lo, uint32_t hi) { return (struct node *)(uintptr_t)(((uint64_t)hi << 32) | lo); }

NOINLINE static int build_and_sum(int n) {
  uint32_t head_lo = 0, head_hi = 0;
  for (int i = 1; i <= n; i++) {
    struct node *nd = ALLOC(sizeof *nd);
    nd->val = i * 10;
    nd->next_lo = head_lo; nd->next_hi = head_hi;
    head_lo = (uint32_t)(uintptr_t)nd; head_hi = (uint32_t)((uint64_t)(uintptr_t)nd >> 32);
  }
  int sum = 0, count = 0;
  for (struct node *p = link_of(head_lo, head_hi); p && count < 100; p = link_of(p->next_lo, p->next_hi)) { sum += p->val; count++; }
  return sum * 1000 + count;
}

int main(void) {
  int r = build_and_sum(5);
  printf("sum=%d count=%d\n", r / 1000, r % 1000);
  return 0;
}
