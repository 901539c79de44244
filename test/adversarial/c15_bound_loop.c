// RUN: %adversarial %s
/* class 15: bounds from compares: lengths clamped in loops, one chunk queued globally (red team round 10) */
/* Chunked copy: the chunk length is clamped in loops (while n > 256 halve
   it; back off until it is small enough), then a temporary of that length
   is taken from malloc.  Sometimes the chunk is handed to a global
   queue (must stay on the heap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *queue[8];
static unsigned qlen[8];
static int nq;

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x * 5 + i);
  return big[x & 8191];
}

__attribute__((noinline)) unsigned chunk_halve(const char *src, unsigned n, int post) {
  while (n > 256) n /= 2;
  char *p = malloc(n);
  if (!p) return 0;
  memcpy(p, src, n);
  unsigned h = n;
  for (unsigned i = 0; i < n; i++) h = h * 17 + (unsigned char)p[i];
  if (post && nq < 8) { qlen[nq] = n; queue[nq++] = p; return h; }
  free(p);
  return h;
}

__attribute__((noinline)) unsigned chunk_backoff(const char *src, unsigned n, unsigned step) {
  unsigned h = 0;
  for (int round = 0; round < 3; round++) {
    if (n <= 200) {
      char *p;
#ifdef FORCE_STACK
      char sbuf[200];
      p = (round == 1 && step == 3) ? sbuf : malloc(n);
#else
      p = malloc(n);
#endif
      memcpy(p, src, n);
      for (unsigned i = 0; i < n; i++) h = h * 13 + (unsigned char)p[i];
      if (round == 1 && step == 3 && nq < 8) { qlen[nq] = n; queue[nq++] = p; }
      else free(p);
    }
    n -= step;
  }
  return h;
}

int main(void) {
  char src[1024];
  for (int i = 0; i < 1024; i++) src[i] = (char)('A' + i % 23);
  unsigned h = 0;
  for (unsigned n = 1; n < 1000; n += 97) h += chunk_halve(src, n, n == 777);
  for (unsigned n = 150; n < 260; n += 9) h += chunk_backoff(src + 1, n, (n % 4) + 1);
  h += chunk_backoff(src + 2, 203, 3);
  clobber(4);
  printf("h=%u nq=%d\n", h, nq);
  for (int i = 0; i < nq; i++) printf("%u %.*s\n", qlen[i], (int)qlen[i], queue[i]);
  return 0;
}
