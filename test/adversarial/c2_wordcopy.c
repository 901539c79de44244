// RUN: %adversarial %s
/* class 2: pointer copied as two 32-bit words by a loop (word-wise copy); pattern: word-at-a-time memcpy replacements in embedded/IPC code */
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
uint32_t g_mailbox[8];

struct req { int op; char arg[28]; };

static void copy_words(uint32_t *dst, const uint32_t *src, size_t nwords) {
  for (size_t i = 0; i < nwords; i++) dst[i] = src[i];
}

NOINLINE static void submit(int op) {
  struct req *r = ALLOC(sizeof *r);
  r->op = op;
  snprintf(r->arg, sizeof r->arg, "arg-for-%d", op);
  uint32_t words[2];
  memcpy(words, &r, sizeof r);
  copy_words(&g_mailbox[2], words, 2);
}

int main(void) {
  submit(4);
  clobber();
  struct req *r;
  uint32_t words[2] = { g_mailbox[2], g_mailbox[3] };
  memcpy(&r, words, sizeof r);
  printf("op=%d arg=%s\n", r->op, r->arg);
  return 0;
}
