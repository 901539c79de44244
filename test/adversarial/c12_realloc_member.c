// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Group {a,b}; one member is grown with realloc and returned. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static char *grow(int c) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  strcpy(a, "aa"); strcpy(b, "bb");
  char *x = c ? a : b, *y = c ? b : a;
  x = realloc(x, 64);
  strcat(x, "-grown");
#ifndef FORCE_STACK
  free(y);
#endif
  (void)y;
  return x;
}
int main(int argc, char **argv) {
  (void)argv;
  char *r = grow(argc & 1);
  printf("%s\n", r);
  free(r);
  return 0;
}
