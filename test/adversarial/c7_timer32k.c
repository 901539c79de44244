// RUN: %adversarial %s
/* class 7: a periodic timer thread created with a 32 KiB stack runs a three-stage status report, each stage holding three moved 4000-byte buffers; pattern: housekeeping/timer threads with small stacks. RT-FLAGS: -pthread */
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
#ifndef THREAD_STACK
#define THREAD_STACK (32u << 10)   /* timer thread: 32 KiB */
#endif
#include <pthread.h>
#ifndef THREAD_STACK
#define THREAD_STACK (4u << 20)
#endif
/* run fn on a thread with THREAD_STACK bytes of stack and a large guard region */
static int run_on_thread(void *(*fn)(void *), void *arg) {
  pthread_attr_t a; pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, THREAD_STACK);
  pthread_attr_setguardsize(&a, 1u << 20);
  if (pthread_create(&t, &a, fn, arg)) return 1;
  pthread_join(t, NULL);
  pthread_attr_destroy(&a);
  return 0;
}
/* request pipeline: each stage decodes its input into 4000-byte buffers and hands the
   result to the next stage while it still holds its own buffers (nested, not recursive) */
#define BUF 4000
struct pctx { unsigned long h; long bytes; };
static void mix(struct pctx *c, const unsigned char *b, size_t n) {
  for (size_t i = 0; i < n; i++) c->h = (c->h ^ b[i]) * 1099511628211ul;
  c->bytes += (long)n;
}
static size_t xform(unsigned char *dst, const unsigned char *src, size_t n, int k) {
  for (size_t i = 0; i < n; i++) dst[i] = (unsigned char)(src[i] * 5 + k + (i & 3));
  return n;
}
static void stage_inflate(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 14);
  xform(b1, b0, m, 15);
  xform(b2, b1, m, 16);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
}
static void stage_frame(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 7);
  xform(b1, b0, m, 8);
  xform(b2, b1, m, 9);
  stage_inflate(c, b2, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
}
static void stage_transport(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 0);
  xform(b1, b0, m, 1);
  xform(b2, b1, m, 2);
  stage_frame(c, b2, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
}
static volatile int g_ticks;
static void *timer_thread(void *arg) {
  struct pctx c = { 1469598103934665603ul, 0 };
  const char *status = arg;
  for (int tick = 0; tick < 3; tick++) {      /* periodic status report */
    stage_transport(&c, (const unsigned char *)status, strlen(status));
    g_ticks++;
  }
  printf("%d ticks, %ld bytes, digest %016lx\n", g_ticks, c.bytes, c.h);
  return NULL;
}

int main(void) {
  static char status[2000];
  for (int i = 0; i < (int)sizeof status - 1; i++) status[i] = (char)('A' + i % 17);
  return run_on_thread(timer_thread, status);
}
