// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Group {a,b} selected through a double pointer; *slot leaks to the caller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static void make(int c, char **out) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  strcpy(a, "left"); strcpy(b, "right");
  char **slot = c ? &a : &b;
  char **other = c ? &b : &a;
  *out = *slot;
#ifndef FORCE_STACK
  free(*other);
#endif
  (void)other;
}
int main(int argc, char **argv) {
  (void)argv;
  char *got[3];
  for (int i = 0; i < 3; i++) make((i + argc) & 1, &got[i]);
  clobber();
  for (int i = 0; i < 3; i++) {
    printf("%d: %s\n", i, got[i]);
#ifndef FORCE_STACK
    free(got[i]);
#endif
  }
  return 0;
}
