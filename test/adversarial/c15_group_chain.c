// RUN: %adversarial %s
/* class 15: sites freed together, chosen through chains of conditionals and a wrapper, one member sometimes cached (red team round 10) */
/* A small value printer: the output buffer comes from one of several
   allocation sites chosen through a chain of conditionals (some through a
   wrapper), is freed through one pointer, and is sometimes kept in a
   one-entry cache (so that whole group must stay on the heap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long nalloc;
static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) { fputs("out of memory\n", stderr); abort(); }
  nalloc++;
  return p;
}
static void xfree(void *p) { free(p); }

static char *cache;
static int cache_kind = -1;

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x + i);
  return big[x & 8191];
}

__attribute__((noinline)) unsigned render(int kind, int v) {
  char *buf;
#ifdef FORCE_STACK
  char sbuf[64];
  if (kind == 3) buf = sbuf; else
#endif
  if (kind == 0) buf = malloc(16);
  else if (kind == 1) buf = xmalloc(24);
  else if (kind == 2) buf = malloc(32);
  else buf = xmalloc(48);
  char *out = v < 0 ? buf : buf + 0;
  char *w = (kind & 1) ? out : buf;
  int n = snprintf(w, 16, "k%d:%d", kind, v);
  unsigned h = 0;
  for (int i = 0; i < n; i++) h = h * 131 + (unsigned char)w[i];
  if (kind == 3 && v == 77) {
    if (cache) xfree(cache);
    cache = w; cache_kind = kind;
    return h;
  }
  xfree(w);
  return h;
}

int main(void) {
  unsigned h = 0;
  for (int k = 0; k < 4; k++)
    for (int v = -3; v < 90; v += 8) h += render(k, v);
  h += render(3, 77);
  clobber(9);
  printf("h=%u nalloc=%ld cache=%s kind=%d\n", h, nalloc, cache ? cache : "-", cache_kind);
  return 0;
}
