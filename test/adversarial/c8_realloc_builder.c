// RUN: %adversarial %s
/* class 8 (control): string builder that starts with a small constant malloc and grows with realloc; pattern: dynamic strings (sds, strbuf) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
struct sb { char *p; size_t len, cap; };

static void sb_add(struct sb *s, const char *t) {
  size_t n = strlen(t);
  if (s->len + n + 1 > s->cap) { s->cap = (s->len + n + 1) * 2; s->p = realloc(s->p, s->cap); }
  memcpy(s->p + s->len, t, n + 1);
  s->len += n;
}

NOINLINE static char *build(int k) {
  struct sb s = { ALLOC(16), 0, 16 };
#ifdef FORCE_STACK
  s.cap = 1 << 30;               /* a moved buffer cannot be realloc-ed: pretend it is big */
#endif
  s.p[0] = 0;
  for (int i = 0; i < k; i++) sb_add(&s, "chunk;");
  return s.p;
}

int main(void) {
  char *r = build(6);
  clobber();
  printf("%s\n", r);
#ifndef FORCE_STACK
  free(r);
#endif
  return 0;
}
