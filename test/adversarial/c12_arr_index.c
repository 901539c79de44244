// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* char *v[2] = {malloc, malloc}; one element (data-dependent index) is kept
   by the caller, the other freed through v[1-i]. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct res { char *keep; int n; };
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static void fill(struct res *r, const char *data) {
#ifdef FORCE_STACK
  char s0[8], s1[8];
  char *v[2] = {s0, s1};
#else
  char *v[2] = {malloc(8), malloc(8)};
#endif
  strcpy(v[0], "zero"); strcpy(v[1], "one");
  int i = data[0] == 'x';
  r->keep = v[i];
  r->n++;
#ifndef FORCE_STACK
  free(v[1 - i]);
#endif
}
int main(int argc, char **argv) {
  (void)argv;
  struct res r[2] = {{0, 0}, {0, 0}};
  fill(&r[0], argc > 5 ? "y" : "x");
  fill(&r[1], "y");
  clobber();
  for (int k = 0; k < 2; k++) {
    printf("%s %d\n", r[k].keep, r[k].n);
#ifndef FORCE_STACK
    free(r[k].keep);
#endif
  }
  return 0;
}
