// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Group {a,b}: one member freed, the other returned on one path only. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static char *pick(int c, int keep) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  strcpy(a, "alpha"); strcpy(b, "beta");
  char *x = c ? a : b, *y = c ? b : a;
#ifndef FORCE_STACK
  free(y);
#endif
  if (keep) return x;
#ifndef FORCE_STACK
  free(x);
#endif
  return NULL;
}
int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 4; i++) {
    char *r = pick((i + argc) & 1, i >= 2);
    clobber();
    printf("%d: %s\n", i, r ? r : "(none)");
#ifndef FORCE_STACK
    free(r);
#endif
  }
  return 0;
}
