// RUN: %adversarial %s
/* class 15: weak wrappers replaced by strong ones in another file (red team round 10) */
/* A library-style default allocator hook: xmalloc/xfree are weak in this
   file; the program's debug build (c15_weak_wrap_b.c) supplies strong
   versions that record live blocks for a leak report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((weak)) void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
__attribute__((weak)) void xfree(void *p) { free(p); }
void leak_report(void);

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x + i);
  return big[x & 8191];
}

__attribute__((noinline)) unsigned greet(const char *who, int forget) {
#ifdef FORCE_STACK
  char sbuf[32];
  char *p = forget ? sbuf : xmalloc(32);
#else
  char *p = xmalloc(32);
#endif
  unsigned h = 0;
  strcpy(p, "hi ");
  strncat(p, who, 20);
  for (char *q = p; *q; q++) h = h * 31 + (unsigned char)*q;
  if (!forget) xfree(p);
  return h;
}

int main(void) {
  unsigned h = greet("ann", 0) + greet("bob", 1) + greet("cy", 0);
  clobber(2);
  printf("h=%u\n", h);
  leak_report();
  return 0;
}
