// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* free(p), p = data-dependent select between a local group {a,b} and the
   caller's heap block q. If that free were deleted (group moved), q leaks;
   mallinfo2 shows the growth. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>
__attribute__((noinline)) static int f(char *q, const char *mode) {
#ifdef FORCE_STACK
  char sa[24], sb[24];
  char *a = sa, *b = sb;
#else
  char *a = malloc(24), *b = malloc(24);
#endif
  strcpy(a, "aaaa"); strcpy(b, "bbbbbb");
  char *ab = mode[1] == 'a' ? a : b;
  char *p = mode[0] == 'q' ? q : ab;
  int r = (int)strlen(p);
#ifndef FORCE_STACK
  free(p);
  if (p != a) free(a);
  if (p != b) free(b);
  if (p != q) free(q);
#endif
  return r;
}
int main(int argc, char **argv) {
  (void)argv;
  const char *modes[4] = {"qa", "xa", "qb", "xb"};
  long tot = 0;
  size_t before = mallinfo2().uordblks;
  for (int i = 0; i < 20000; i++) {
    char *q = malloc(200);
    strcpy(q, "caller");
    tot += f(q, modes[(i + argc) & 3]);
  }
  size_t after = mallinfo2().uordblks;
  printf("%ld grew=%d\n", tot, after > before + 100000);
  return 0;
}
