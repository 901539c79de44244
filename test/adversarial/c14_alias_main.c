// RUN: %adversarial %s
/* class 14: recursion through main or an address taken in asm, which the call graph must not miss (red team round 9, against a rule that took main for entered once) */
/* main re-entered in the same file through a GNU alias of main (no pointer, no other file).
   RT-FLAGS: -pthread
   RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
int main(int, char **);
int reenter(int, char **) __attribute__((alias("main")));
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
  if (n < DEPTH) r = reenter(-(n + 1), 0);
  for (int i = 0; i < SZ; i += 16) r += buf[(i + vidx) % SZ];
#ifndef FORCE_STACK
  free(buf);
#endif
  return r & 0xffffff;
}

static void *thr(void *p) {
  int n = 0;
  *(int *)p = reenter(-(n + 1), 0);
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
