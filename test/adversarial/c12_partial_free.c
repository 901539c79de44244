// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Three sites freed through v[i] in a loop that skips one data-dependent
   index; the skipped one is published in a global table. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static char *table[4];
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static void work(int slot, int skip) {
#ifdef FORCE_STACK
  char s0[8], s1[8], s2[8];
  char *v[3] = {s0, s1, s2};
#else
  char *v[3] = {malloc(8), malloc(8), malloc(8)};
#endif
  for (int i = 0; i < 3; i++) snprintf(v[i], 8, "%d-%d", slot, i);
  for (int i = 0; i < 3; i++) {
    if (i == skip) continue;
#ifndef FORCE_STACK
    free(v[i]);
#endif
  }
  table[slot] = v[skip];
}
int main(int argc, char **argv) {
  (void)argv;
  for (int s = 0; s < 4; s++) work(s, (s + argc) % 3);
  clobber();
  for (int s = 0; s < 4; s++) {
    printf("%s\n", table[s]);
#ifndef FORCE_STACK
    free(table[s]);
#endif
  }
  return 0;
}
