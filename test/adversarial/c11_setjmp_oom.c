// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* xmalloc with longjmp-based error recovery (budget exhausted -> longjmp to
   the request handler).  The handler records partially built results in a
   global list for a later retry. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
static jmp_buf *oom_jb; static size_t budget;
static void *xmalloc(size_t n) {
  if (n > budget) longjmp(*oom_jb, 1);
  budget -= n;
  void *p = malloc(n); if (!p) abort(); return p;
}
static void xfree(void *p) { free(p); }
static char *pending[8]; static int npending;

__attribute__((noinline)) static int request(int k) {
  jmp_buf jb; jmp_buf *save = oom_jb; oom_jb = &jb;
  char *volatile part = NULL;
  if (setjmp(jb)) {
    oom_jb = save;
    pending[npending++] = part;   /* keep the partial result for retry */
    return -1;
  }
#ifdef FORCE_STACK
  char b[32]; part = b;
#else
  part = xmalloc(32);
#endif
  snprintf(part, 32, "part-of-%d", k);
  char *rest = xmalloc(1000);   /* may longjmp */
  memset(rest, 0, 1000);
  xfree(rest);
#ifndef FORCE_STACK
  xfree(part);
#endif
  oom_jb = save;
  return k;
}

int main(void) {
  budget = 1100;
  int a = request(1);
  int b = request(2);
  char junk[512]; memset(junk, 'P', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("a=%d b=%d pending=%d\n", a, b, npending);
  for (int i = 0; i < npending; i++) printf("  %s\n", pending[i]);
  return 0;
}
