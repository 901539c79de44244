// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Loop group {a,b}: the survivor of iteration i is read and freed in
   iteration i+1 through a local `prev` pointer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static unsigned run(int n, int seed) {
  char *prev = NULL;
  unsigned h = 0;
  for (int i = 0; i < n; i++) {
#ifdef FORCE_STACK
    char sa[16], sb[16];
    char *a = sa, *b = sb;
#else
    char *a = malloc(16), *b = malloc(16);
#endif
    snprintf(a, 16, "a%d", i); snprintf(b, 16, "b%d", i);
    int c = ((i * 7 + seed) >> 1) & 1;
    char **slot = c ? &a : &b;
    char **other = c ? &b : &a;
    if (prev) {
      for (char *p = prev; *p; p++) h = h * 131 + (unsigned char)*p;
#ifndef FORCE_STACK
      free(prev);
#endif
    }
    prev = *other;
#ifndef FORCE_STACK
    free(*slot);
#endif
    (void)slot;
  }
  for (char *p = prev; p && *p; p++) h = h * 131 + (unsigned char)*p;
#ifndef FORCE_STACK
  free(prev);
#endif
  return h;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%u\n", run(6, argc));
  return 0;
}
