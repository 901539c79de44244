// RUN: %adversarial %s
/* class 7: a SIGUSR1 diagnostic handler running on a 64 KiB sigaltstack (mmap-ed, PROT_NONE guard below) calls five nested report stages with moved buffers; pattern: crash/diagnostic reporters on alternate signal stacks */
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
#include <signal.h>
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
#ifndef ALT_STACK
#define ALT_STACK (64u << 10)      /* alternate signal stack: 64 KiB */
#endif
#define GUARD (1u << 20)           /* PROT_NONE guard region below it */
static struct pctx g_report;
static char g_state[3000];
static volatile sig_atomic_t g_done;

/* SIGUSR1: dump a diagnostic report of the current state, on the alternate stack */
static void on_dump(int sig) {
  (void)sig;
  g_report.h = 1469598103934665603ul; g_report.bytes = 0;
  stage_transport(&g_report, (const unsigned char *)g_state, strlen(g_state));
  g_done = 1;
}

int main(void) {
  for (int i = 0; i < (int)sizeof g_state - 1; i++) g_state[i] = (char)('k' + i % 11);
  char *m = mmap(NULL, GUARD + ALT_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (m == MAP_FAILED || mprotect(m, GUARD, PROT_NONE)) return 1;
  stack_t ss = { .ss_sp = m + GUARD, .ss_size = ALT_STACK, .ss_flags = 0 };
  if (sigaltstack(&ss, NULL)) return 1;
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_dump;
  sa.sa_flags = SA_ONSTACK;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGUSR1, &sa, NULL);
  raise(SIGUSR1);
  if (!g_done) { puts("handler did not run"); return 1; }
  printf("report: %ld bytes, digest %016lx\n", g_report.bytes, g_report.h);
  return 0;
}
