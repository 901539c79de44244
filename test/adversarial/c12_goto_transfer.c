// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* goto-cleanup with ownership transfer: on success a member of the group is
   handed to the caller and its variable set to NULL, then cleanup frees both. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static int build(const char *in, char **out) {
  int rc = -1;
  char *a = NULL, *b = NULL;
#ifdef FORCE_STACK
  char sa[32], sb[32];
  a = sa; b = sb;
#else
  a = malloc(32);
  if (!a) goto cleanup;
  b = malloc(32);
  if (!b) goto cleanup;
#endif
  strcpy(a, in); strcpy(b, in);
  strcat(a, "/A"); strcat(b, "/B");
  if (in[0] == 'e') goto cleanup;
  char **win = (in[1] == 'b') ? &b : &a;
  *out = *win;
  *win = NULL;
  rc = 0;
cleanup:
#ifndef FORCE_STACK
  free(a);
  free(b);
#endif
  return rc;
}
int main(int argc, char **argv) {
  (void)argv;
  const char *ins[3] = {"xa", "err", argc > 3 ? "xa" : "xb"};
  char *got[3] = {0, 0, 0};
  int rc[3];
  for (int i = 0; i < 3; i++) rc[i] = build(ins[i], &got[i]);
  clobber();
  for (int i = 0; i < 3; i++) {
    printf("%d %s\n", rc[i], got[i] ? got[i] : "-");
#ifndef FORCE_STACK
    free(got[i]);
#endif
  }
  return 0;
}
