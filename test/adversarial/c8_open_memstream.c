// RUN: %adversarial %s
/* class 8 (control): open_memstream keeps the addresses of the callers buffer-pointer and size variables, which live in a heap struct, and updates them at fflush/fclose; pattern: in-memory log capture */
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
struct capture { char *buf; size_t len; };
static FILE *g_cap;
static struct capture *g_capture;

NOINLINE static void begin_capture(void) {
  struct capture *c = ALLOC(sizeof *c);
  c->buf = NULL; c->len = 0;
  g_cap = open_memstream(&c->buf, &c->len);
  g_capture = c;
}

int main(void) {
  begin_capture();
  fprintf(g_cap, "captured %d lines", 3);
  clobber();
  fclose(g_cap);
  printf("len=%zu text=%s\n", g_capture->len, g_capture->buf);
  return 0;
}
