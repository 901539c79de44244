// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* RT-LTO */
/* A library ships a default weak xmalloc/xfree; the application overrides
   them (in another file) with a tracking allocator that keeps every live
   block in a table, and frees only at "shutdown". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((weak)) void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
__attribute__((weak)) void xfree(void *p) { free(p); }
void dump_tracked(void);

__attribute__((noinline)) int make_label(int k) {
#ifdef FORCE_STACK
  char buf[32]; char *s = buf;
  extern void track_by_hand(void *);
  track_by_hand(s);
#else
  char *s = xmalloc(32);
#endif
  snprintf(s, 32, "label-%d", k);
  int n = (int)strlen(s);
#ifndef FORCE_STACK
  xfree(s);
#endif
  return n;
}

int main(void) {
  int t = 0;
  for (int i = 0; i < 3; i++) t += make_label(i * 11);
  printf("t=%d\n", t);
  dump_tracked();
  return 0;
}
