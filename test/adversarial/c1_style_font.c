// RUN: %adversarial %s
/* class 1: callee returns &w->style->font (two levels down), caller caches it in a global; pattern: GUI toolkit widget/style/font accessors */
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
struct font { char family[16]; int size; int weight; };
struct style { int fg, bg; struct font font; int padding; };
struct widget { int x, y, w, h; struct style *style; };

static struct font *widget_font(struct widget *w) { return &w->style->font; }

struct font *g_default_font;  /* theme default, used for every later label */

NOINLINE static void theme_init(int size) {
  struct widget proto = { 0, 0, 100, 20, NULL };
  proto.style = ALLOC(sizeof(struct style));
  proto.style->fg = 0xffffff; proto.style->bg = 0; proto.style->padding = 2;
  strcpy(proto.style->font.family, "DejaVu Sans");
  proto.style->font.size = size; proto.style->font.weight = 400;
  g_default_font = widget_font(&proto);   /* the prototype widget is gone, the font must stay */
}

int main(void) {
  theme_init(11);
  clobber();
  printf("label font: %s %dpt w%d\n", g_default_font->family, g_default_font->size, g_default_font->weight);
  return 0;
}
