// RUN: %adversarial %s
/* class 7: a ucontext coroutine on a 64 KiB mmap-ed stack (guard region below) runs five nested request stages with moved buffers between swapcontext calls; pattern: coroutine servers (makecontext/swapcontext) */
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
#include <ucontext.h>
#include <sys/mman.h>
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
#ifndef CO_STACK
#define CO_STACK (64u << 10)       /* coroutine stack: 64 KiB */
#endif
#define GUARD (1u << 20)           /* PROT_NONE guard region below it */
static ucontext_t g_main_ctx, g_co_ctx;
static struct pctx g_ctx;
static char g_input[3000];
static int g_served;

/* coroutine: serves one request per resume */
static void server_co(void) {
  for (;;) {
    stage_transport(&g_ctx, (const unsigned char *)g_input, strlen(g_input));
    g_served++;
    swapcontext(&g_co_ctx, &g_main_ctx);
  }
}

int main(void) {
  for (int i = 0; i < (int)sizeof g_input - 1; i++) g_input[i] = (char)('0' + i % 10);
  g_ctx.h = 1469598103934665603ul;
  char *m = mmap(NULL, GUARD + CO_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m, GUARD, PROT_NONE)) return 1;
  getcontext(&g_co_ctx);
  g_co_ctx.uc_stack.ss_sp = m + GUARD;
  g_co_ctx.uc_stack.ss_size = CO_STACK;
  g_co_ctx.uc_link = &g_main_ctx;
  makecontext(&g_co_ctx, server_co, 0);
  for (int i = 0; i < 3; i++) swapcontext(&g_main_ctx, &g_co_ctx);
  printf("served %d, %ld bytes, digest %016lx\n", g_served, g_ctx.bytes, g_ctx.h);
  return 0;
}
