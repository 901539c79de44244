// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* A member of the group is handed to a callee that either frees it or keeps
   it in a static registry, depending on a run-time flag. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *registry[4];
static int nreg;
__attribute__((noinline)) static void consume(char *p, int keep) {
  if (keep && nreg < 4) registry[nreg++] = p;
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
  snprintf(a, 16, "A%d", i); snprintf(b, 16, "B%d", i);
  char *x = c ? a : b, *y = c ? b : a;
#ifdef FORCE_STACK
  if (i & 1) registry[nreg++] = x;
#else
  consume(x, i & 1);
  free(y);
#endif
  (void)y;
}
int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 4; i++) work((i + argc) & 1, i);
  clobber();
  for (int i = 0; i < nreg; i++) {
    printf("kept %s\n", registry[i]);
#ifndef FORCE_STACK
    free(registry[i]);
#endif
  }
  return 0;
}
