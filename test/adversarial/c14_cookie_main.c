// RUN: %adversarial %s
/* class 14: recursion through main or an address taken in asm, which the call graph must not miss (red team round 9, against a rule that took main for entered once) */
/* main re-entered from a fopencookie write callback, level writes to a fresh cookie stream.
   RT-FLAGS: -pthread -D_GNU_SOURCE
   RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
int main(int, char **);
static ssize_t cw(void *c, const char *b, size_t sz) {
  (void)b; int *kp = c; kp[1] = main(-kp[0], 0); return sz;
}
static int via_cookie(int k) {
  int ck[2] = {k, 0};
  cookie_io_functions_t io = {0, cw, 0, 0};
  FILE *f = fopencookie(ck, "w", io);
  if (!f) abort();
  fputc('x', f); fclose(f);
  return ck[1];
}
#define DEPTH 400
#define SZ 4000

static volatile int vidx = 1234;

static __attribute__((noinline)) int level(int n) {
#ifdef FORCE_STACK
  char b[SZ]; char *volatile vb = b; char *buf = vb;
#else
  char *buf = malloc(SZ);
  if (!buf) abort();
#endif
  memset(buf, n & 0x7f, SZ);
  buf[(vidx + n) % SZ] = (char)(n * 3);
  int r = 0;
  if (n < DEPTH) r = via_cookie(n + 1);
  for (int i = 0; i < SZ; i += 16) r += buf[(i + vidx) % SZ];
#ifndef FORCE_STACK
  free(buf);
#endif
  return r & 0xffffff;
}

static void *thr(void *p) {
  int n = 0;
  *(int *)p = via_cookie(n + 1);
  return 0;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc <= 0) return level(-argc);

  pthread_attr_t a; pthread_t t; int r = 0;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 512 * 1024);
  if (pthread_create(&t, &a, thr, &r)) return 2;
  pthread_join(t, 0);
  printf("r=%d\n", r);
  return 0;
}
