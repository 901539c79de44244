// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* free(p) where p is a local malloc or the caller's heap block, chosen by data
   read through memory. Moving `a` while keeping the free, or deleting the
   free, would both be wrong. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct cfg { char mode[4]; char *fallback; };
__attribute__((noinline)) static int use(struct cfg *cf) {
#ifdef FORCE_STACK
  char sa[16];
  char *a = sa;
#else
  char *a = malloc(16);
#endif
  strcpy(a, "local");
  char *b = malloc(16);
  strcpy(b, "other");
  char *v[3] = {a, cf->fallback, b};
  int i = cf->mode[0] - '0';
  char *p = v[i];
  int r = (int)strlen(p) + p[0];
  free(p);
  if (i != 0) {
#ifndef FORCE_STACK
    free(a);
#endif
  }
  if (i != 2) free(b);
  if (i == 1) cf->fallback = NULL;
  return r;
}
int main(int argc, char **argv) {
  (void)argv;
  struct cfg cf = {"0", NULL};
  cf.fallback = strdup("fallback-string");
  int s = 0;
  const char *modes = argc > 5 ? "210" : "201";
  for (int k = 0; k < 3; k++) {
    cf.mode[0] = modes[k];
    if (!cf.fallback) cf.fallback = strdup("again");
    s = s * 100 + use(&cf);
  }
  printf("%d %s\n", s, cf.fallback ? cf.fallback : "-");
  free(cf.fallback);
  return 0;
}
