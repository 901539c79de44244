// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Loop group {a,b}: one is freed in the iteration, the other is kept in a
   heap struct allocated before the loop and freed in the next iteration. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct st { char *hold; int n; };
__attribute__((noinline)) static unsigned run(int n, int seed) {
  struct st *s = malloc(sizeof *s);
  s->hold = NULL; s->n = 0;
  unsigned h = 0;
  for (int i = 0; i < n; i++) {
#ifdef FORCE_STACK
    char sa[16], sb[16];
    char *a = sa, *b = sb;
#else
    char *a = malloc(16), *b = malloc(16);
#endif
    snprintf(a, 16, "a%d", i); snprintf(b, 16, "b%d", i);
    if (s->hold) {
      for (char *p = s->hold; *p; p++) h = h * 31 + (unsigned char)*p;
#ifndef FORCE_STACK
      free(s->hold);
#endif
    }
    int c = ((i + seed) & 1);
    char *x = c ? a : b, *y = c ? b : a;
#ifndef FORCE_STACK
    free(x);
#endif
    (void)x;
    s->hold = y;
    s->n++;
  }
  for (char *p = s->hold; p && *p; p++) h = h * 31 + (unsigned char)*p;
  free(s->hold);
  int k = s->n;
  free(s);
  return h + k;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%u\n", run(5, argc));
  return 0;
}
