// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* Sliding window: each iteration allocates a block with xmalloc and keeps
   the last three in a local ring; a block lives across iterations. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static void *xmalloc(size_t n) { void *p = malloc(n); if (!p) abort(); return p; }
static void xfree(void *p) { free(p); }

__attribute__((noinline)) static long window(int n, int len) {
  char *ring[3] = { 0, 0, 0 };
  long s = 0;
#ifdef FORCE_STACK
  char slot[64];
#endif
  for (int i = 0; i < n; i++) {
    if (ring[i % 3]) xfree(ring[i % 3]);
#ifdef FORCE_STACK
    char *b = slot; ring[i % 3] = NULL;
#else
    char *b = xmalloc(len);
#endif
    memset(b, 'a' + i % 26, len);
    ring[i % 3] = b;
    for (int j = 0; j < 3; j++) if (ring[j]) s = s * 31 + ring[j][len / 2];
    s %= 1000003;
  }
  for (int j = 0; j < 3; j++) if (ring[j]) xfree(ring[j]);
  return s;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%ld %ld\n", window(10, 16 * argc), window(7, 40));
  return 0;
}
