// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Group {a,b}; the chosen one leaves through an integer stored in the caller's memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static void make(int c, uintptr_t *out) {
#ifdef FORCE_STACK
  char sa[16], sb[16];
  char *a = sa, *b = sb;
#else
  char *a = malloc(16), *b = malloc(16);
#endif
  strcpy(a, "int-a"); strcpy(b, "int-b");
  uintptr_t u = c ? (uintptr_t)a : (uintptr_t)b;
  uintptr_t w = c ? (uintptr_t)b : (uintptr_t)a;
  *out = u ^ 0x5a5aUL;
#ifndef FORCE_STACK
  free((void *)w);
#endif
  (void)w;
}
int main(int argc, char **argv) {
  (void)argv;
  uintptr_t got[2];
  make(argc & 1, &got[0]);
  make(!(argc & 1), &got[1]);
  clobber();
  for (int i = 0; i < 2; i++) {
    char *p = (char *)(got[i] ^ 0x5a5aUL);
    printf("%d: %s\n", i, p);
#ifndef FORCE_STACK
    free(p);
#endif
  }
  return 0;
}
