// RUN: %adversarial %s
/* class 7: five nested (non-recursive) pipeline stages, each holding four moved 4000-byte buffers (within the 16 KiB per-function budget) while calling the next, on a worker thread with a 64 KiB stack; pattern: thread-pool request pipelines. RT-FLAGS: -pthread */
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
#define THREAD_STACK (64u << 10)   /* worker threads get 64 KiB */
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
static void stage_tokenize(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  unsigned char *b3 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 28);
  xform(b1, b0, m, 29);
  xform(b2, b1, m, 30);
  xform(b3, b2, m, 31);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  mix(c, b3, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
  FREE(b3);
}
static void stage_charset(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  unsigned char *b3 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 21);
  xform(b1, b0, m, 22);
  xform(b2, b1, m, 23);
  xform(b3, b2, m, 24);
  stage_tokenize(c, b3, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  mix(c, b3, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
  FREE(b3);
}
static void stage_inflate(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  unsigned char *b3 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 14);
  xform(b1, b0, m, 15);
  xform(b2, b1, m, 16);
  xform(b3, b2, m, 17);
  stage_charset(c, b3, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  mix(c, b3, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
  FREE(b3);
}
static void stage_frame(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  unsigned char *b3 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 7);
  xform(b1, b0, m, 8);
  xform(b2, b1, m, 9);
  xform(b3, b2, m, 10);
  stage_inflate(c, b3, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  mix(c, b3, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
  FREE(b3);
}
static void stage_transport(struct pctx *c, const unsigned char *in, size_t n) {
  unsigned char *b0 = ALLOC(BUF);
  unsigned char *b1 = ALLOC(BUF);
  unsigned char *b2 = ALLOC(BUF);
  unsigned char *b3 = ALLOC(BUF);
  size_t m = n < BUF ? n : BUF;
  xform(b0, in, m, 0);
  xform(b1, b0, m, 1);
  xform(b2, b1, m, 2);
  xform(b3, b2, m, 3);
  stage_frame(c, b3, m);
  mix(c, b0, m);
  mix(c, b1, m);
  mix(c, b2, m);
  mix(c, b3, m);
  FREE(b0);
  FREE(b1);
  FREE(b2);
  FREE(b3);
}
static void *worker(void *arg) {
  struct pctx c = { 1469598103934665603ul, 0 };
  const char *req = arg;
  stage_transport(&c, (const unsigned char *)req, strlen(req));
  printf("processed %ld bytes, digest %016lx\n", c.bytes, c.h);
  return NULL;
}

int main(void) {
  static char req[3000];
  for (int i = 0; i < (int)sizeof req - 1; i++) req[i] = (char)('a' + i % 23);
  return run_on_thread(worker, req);
}
