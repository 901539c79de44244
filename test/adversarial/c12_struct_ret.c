// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* A struct holding one of two group members is returned by value. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct holder { char *p; int tag; };
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static struct holder mk(int c) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  strcpy(a, "held-a"); strcpy(b, "held-b");
  struct holder h[2] = {{a, 1}, {b, 2}};
  struct holder out = h[c];
#ifndef FORCE_STACK
  free(h[1 - c].p);
#endif
  return out;
}
int main(int argc, char **argv) {
  (void)argv;
  struct holder h1 = mk(argc & 1), h2 = mk(!(argc & 1));
  clobber();
  printf("%s %d %s %d\n", h1.p, h1.tag, h2.p, h2.tag);
#ifndef FORCE_STACK
  free(h1.p); free(h2.p);
#endif
  return 0;
}
