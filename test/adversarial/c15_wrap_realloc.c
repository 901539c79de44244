// RUN: %adversarial %s
/* class 15: a string builder through xmalloc, xrealloc and an xfree that frees through realloc (red team round 10) */
/* String builder: the buffer starts with xmalloc(16) and grows with
   xrealloc; the finished string is released with xfree, which frees
   through realloc(p, 0) when built with -DFREE_VIA_REALLOC semantics
   (here: a wrapper that shrinks to 0 and then frees what is left). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long n_grow;
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
static void *xrealloc(void *q, size_t n) { void *p = realloc(q, n ? n : 1); if (!p) abort(); n_grow++; return p; }
static void xfree(void *p) { free(p); }

struct sb { char *buf; size_t len, cap; };
static char *last_long;

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x + 3 * i);
  return big[x & 8191];
}

static void sb_put(struct sb *s, const char *t) {
  size_t n = strlen(t);
  if (s->len + n + 1 > s->cap) {
    while (s->len + n + 1 > s->cap) s->cap *= 2;
    s->buf = xrealloc(s->buf, s->cap);
  }
  memcpy(s->buf + s->len, t, n + 1);
  s->len += n;
}

__attribute__((noinline)) unsigned render(int words) {
  struct sb s;
  s.cap = 16; s.len = 0;
#ifdef FORCE_STACK
  char sbuf[16];
  s.buf = words > 3 ? xmalloc(16) : sbuf;
#else
  s.buf = xmalloc(16);
#endif
  s.buf[0] = 0;
  static const char *w[] = { "ab", "cde", "fg", "hijkl", "mn" };
  for (int i = 0; i < words; i++) sb_put(&s, w[i % 5]);
  unsigned h = (unsigned)s.len;
  for (size_t i = 0; i < s.len; i++) h = h * 33 + (unsigned char)s.buf[i];
  if (s.len > 12) { xfree(last_long); last_long = xrealloc(s.buf, s.len + 1); return h; }
  if (words == 3) { last_long = s.buf; return h; }
  xfree(s.buf);
  return h;
}

int main(void) {
  unsigned h = 0;
  for (int i = 0; i < 8; i++) h += render(i);
  h += render(3);
  clobber(1);
  printf("h=%u grow=%ld last=%s\n", h, n_grow, last_long ? last_long : "-");
  return 0;
}
