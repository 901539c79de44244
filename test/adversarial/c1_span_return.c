// RUN: %adversarial %s
/* class 1: interior pointer returned inside a struct by value ({ptr,len} in two registers) and stored in a global; pattern: string-view / slice APIs */
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
struct buf { char *data; size_t len; };
struct span { const char *p; size_t n; };

static struct span buf_tail(const struct buf *b, size_t off) {
  struct span s = { b->data + off, b->len - off };
  return s;
}

struct span g_body;  /* HTTP body view kept after parsing */

NOINLINE static void parse_message(const char *msg) {
  struct buf b;
  b.len = strlen(msg);
  b.data = ALLOC(64);
  memcpy(b.data, msg, b.len + 1);
  size_t hdr = strcspn(b.data, "\n") + 1;
  g_body = buf_tail(&b, hdr);
}

int main(void) {
  parse_message("HEADER: v\nthe body text");
  clobber();
  printf("body=%.*s (%zu)\n", (int)g_body.n, g_body.p, g_body.n);
  return 0;
}
