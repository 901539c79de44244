// RUN: %adversarial %s
/* class 3: integer handles into a slot table reached through a heap context stored in a global; pattern: handle tables (file descriptors, GL object names) */
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
struct slot { void *obj; unsigned gen; };
struct ctx { int nslots; struct slot slots[16]; };
struct ctx *g_ctx;

struct texture { int w, h; char fmt[12]; };

static int handle_alloc(struct ctx *c, void *obj) {
  int h = c->nslots++;
  c->slots[h].obj = obj;
  c->slots[h].gen++;
  return h;
}

NOINLINE static int gen_texture(int w, int h) {
  struct texture *t = ALLOC(sizeof *t);
  t->w = w; t->h = h;
  strcpy(t->fmt, "RGBA8");
  return handle_alloc(g_ctx, t);
}

int main(void) {
  g_ctx = calloc(1, sizeof *g_ctx);
  int h = gen_texture(256, 128);
  clobber();
  struct texture *t = g_ctx->slots[h].obj;
  printf("handle=%d %dx%d %s gen=%u\n", h, t->w, t->h, t->fmt, g_ctx->slots[h].gen);
  return 0;
}
