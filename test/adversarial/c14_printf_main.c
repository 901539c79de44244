// RUN: %adversarial %s
/* class 14: recursion through main or an address taken in asm, which the call graph must not miss (red team round 9, against a rule that took main for entered once) */
/* main re-entered from a registered printf conversion (%W) handler, via snprintf in level.
   RT-FLAGS: -pthread
   RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#include <printf.h>
int main(int, char **);
static int g_r;
static int w_handler(FILE *st, const struct printf_info *info, const void *const *args) {
  (void)info; int k = **(const int *const *)args[0];
  g_r = main(-k, 0); fputc('w', st); return 1;
}
static int w_arginfo(const struct printf_info *info, size_t n, int *types, int *sz) {
  (void)info; (void)sz; if (n > 0) types[0] = PA_INT | PA_FLAG_PTR; return 1;
}
static int via_printf(int k) {
  char s[8]; int *kp = &k;
  snprintf(s, sizeof s, "%W", kp);
  return g_r;
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
  if (n < DEPTH) r = via_printf(n + 1);
  for (int i = 0; i < SZ; i += 16) r += buf[(i + vidx) % SZ];
#ifndef FORCE_STACK
  free(buf);
#endif
  return r & 0xffffff;
}

static void *thr(void *p) {
  int n = 0;
  *(int *)p = via_printf(n + 1);
  return 0;
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc <= 0) return level(-argc);
  register_printf_specifier('W', w_handler, w_arginfo);
  pthread_attr_t a; pthread_t t; int r = 0;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, 3072 * 1024);
  if (pthread_create(&t, &a, thr, &r)) return 2;
  pthread_join(t, 0);
  printf("r=%d\n", r);
  return 0;
}
