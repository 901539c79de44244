// RUN: %adversarial %s
/* class 2: pointer formatted as hex through a digit lookup table and parsed back by hand; pattern: hand-rolled logging/serialization of object ids (no printf in the hot path) */
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
char g_idbuf[32];   /* "obj:0x...." id of the last created object, parsed by the inspector */

struct widget { int w, h; char title[20]; };

static void fmt_hex(char *out, uint64_t x) {
  static const char digits[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--) { out[i] = digits[x & 15]; x >>= 4; }
  out[16] = 0;
}
static uint64_t parse_hex(const char *s) {
  uint64_t v = 0;
  for (; *s; s++) v = v * 16 + (uint64_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v;
}

NOINLINE static void create_widget(int w, int h) {
  struct widget *x = ALLOC(sizeof *x);
  x->w = w; x->h = h;
  snprintf(x->title, sizeof x->title, "win %dx%d", w, h);
  memcpy(g_idbuf, "obj:", 4);
  fmt_hex(g_idbuf + 4, (uintptr_t)x);
}

int main(void) {
  create_widget(640, 480);
  clobber();
  struct widget *x = (struct widget *)(uintptr_t)parse_hex(g_idbuf + 4);
  printf("%s (%d*%d)\n", x->title, x->w, x->h);
  return 0;
}
