// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* xmalloc/xfree with a one-slot static cache (a common micro-optimisation):
   xfree parks the block instead of freeing, xmalloc hands the parked block
   out again.  A block parked by one function is used by another later. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void *cache; static size_t cache_sz;
static void *xmalloc(size_t n) {
  if (cache && n <= cache_sz) { void *p = cache; cache = NULL; return p; }
  void *p = malloc(n < 64 ? 64 : n);
  if (!p) abort();
  return p;
}
static void xfree(void *p) {
  if (!cache) { cache = p; cache_sz = 64; return; }
  free(p);
}

__attribute__((noinline)) static int producer(int k) {
#ifdef FORCE_STACK
  char buf[64]; char *s = buf;
#else
  char *s = xmalloc(40);
#endif
  snprintf(s, 40, "item-%d", k);
  int len = (int)strlen(s);
  xfree(s);              /* parked in the cache */
  return len;
}

__attribute__((noinline)) static void clobber(int k) {
  char junk[256]; memset(junk, 'Z' - k, sizeof junk);
  __asm__ volatile("" : : "r"(junk) : "memory");
}

int main(void) {
  int len = producer(7);
  clobber(1);
  char *again = xmalloc(40);     /* gets the parked block back */
  printf("len=%d again=[%.10s]\n", len, again);
  strcpy(again, "fresh");
  printf("%s\n", again);
  xfree(again);
  return 0;
}
