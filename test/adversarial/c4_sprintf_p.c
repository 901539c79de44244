// RUN: %adversarial %s
/* class 4: "%p" through sprintf and back with sscanf("%p"); pattern: debug consoles / test harnesses that print and re-read object addresses */
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
char g_addr[32];

struct obj { int n; char what[20]; };

NOINLINE static void make(int n) {
  struct obj *o = ALLOC(sizeof *o);
  o->n = n;
  snprintf(o->what, sizeof o->what, "object %d", n);
  snprintf(g_addr, sizeof g_addr, "%p", (void *)o);
}

int main(void) {
  make(6);
  clobber();
  void *p = NULL;
  if (sscanf(g_addr, "%p", &p) != 1) return 1;
  struct obj *o = p;
  printf("n=%d what=%s\n", o->n, o->what);
  return 0;
}
