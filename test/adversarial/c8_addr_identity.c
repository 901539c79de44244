// RUN: %adversarial %s
/* class 8: object identity kept only as a 32-bit address hash in a global "seen" set (no pointer is ever dereferenced later); objects that are never freed must keep distinct addresses; pattern: cycle/duplicate detection in serializers keyed by address */
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
#define SEEN 64
static uint32_t g_seen[SEEN];
static int g_nseen;

static uint32_t addr_key(const void *p) {
  uint64_t a = (uint64_t)(uintptr_t)p;
  return (uint32_t)(a >> 4) ^ (uint32_t)(a >> 36);
}
/* returns 1 if the object was not registered before */
static int seen_add(const void *p) {
  uint32_t k = addr_key(p);
  for (int i = 0; i < g_nseen; i++) if (g_seen[i] == k) return 0;
  g_seen[g_nseen++] = k;
  return 1;
}

struct node { int kind; char label[12]; };

/* creates a node (kept alive forever by the application's arena policy) and registers it */
NOINLINE static int make_node(int kind) {
  struct node *n = ALLOC(sizeof *n);
  n->kind = kind;
  snprintf(n->label, sizeof n->label, "n%d", kind);
  return seen_add(n);
}

int main(void) {
  int fresh = 0;
  for (int i = 0; i < 5; i++) fresh += make_node(i);
  printf("%d distinct nodes registered\n", fresh);
  return 0;
}
