// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Frees go through a wrapper that sometimes defers the free to a global list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *deferred[8];
static int ndeferred, defer_mode;
static void xfree(void *p) {
  if (defer_mode && ndeferred < 8) deferred[ndeferred++] = p;
  else free(p);
}
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static void work(int c, int i) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  snprintf(a, 16, "a%d", i); snprintf(b, 16, "b%d", i);
  char *x = c ? a : b, *y = c ? b : a;
  defer_mode = i & 1;
#ifdef FORCE_STACK
  if (defer_mode) { deferred[ndeferred++] = x; deferred[ndeferred++] = y; }
#else
  xfree(x);
  xfree(y);
#endif
  (void)y;
}
int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 4; i++) work((i + argc) & 1, i);
  clobber();
  for (int i = 0; i < ndeferred; i++) printf("deferred %s\n", (char *)deferred[i]);
#ifndef FORCE_STACK
  defer_mode = 0;
  for (int i = 0; i < ndeferred; i++) free(deferred[i]);
#endif
  return 0;
}
