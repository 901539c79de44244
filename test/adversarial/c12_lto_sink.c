// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* RT-LTO
   Group {a,b} in this file; one member goes to sink() in Inputs/c12_lto_sink_b.c,
   which frees it or keeps it in a global list. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void sink(char *p, int keep);
char *kept_get(int i);
int kept_count(void);
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
  snprintf(a, 16, "lA%d", i); snprintf(b, 16, "lB%d", i);
  char *x = c ? a : b, *y = c ? b : a;
#ifdef FORCE_STACK
  if (i & 1) sink(x, 1);
#else
  sink(x, i & 1);
  free(y);
#endif
  (void)y;
}
int main(int argc, char **argv) {
  (void)argv;
  for (int i = 0; i < 4; i++) work((i + argc) & 1, i);
  clobber();
  for (int i = 0; i < kept_count(); i++) printf("kept %s\n", kept_get(i));
  return 0;
}
