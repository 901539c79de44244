// RUN: %adversarial %s
/* class 1: interior pointer computed by a reflection helper from a field-offset table ((char *)obj + offsets[k], via uintptr_t), bound into a global settings map; pattern: reflection-driven config binders / serializers */
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
#include <stddef.h>
struct settings { int width; int height; char title[24]; double scale; };
static const size_t g_offsets[] = { offsetof(struct settings, width), offsetof(struct settings, height),
                                    offsetof(struct settings, title), offsetof(struct settings, scale) };
struct binding { const char *name; void *field; };
struct binding g_bindings[4];     /* "title" -> address of the field, used by the UI */

static void *field_addr(void *obj, int k) { return (void *)((uintptr_t)obj + g_offsets[k]); }

NOINLINE static void bind_settings(void) {
  struct settings *s = ALLOC(sizeof *s);
  s->width = 800; s->height = 600; s->scale = 1.25;
  strcpy(s->title, "main window");
  g_bindings[2].name = "title";
  g_bindings[2].field = field_addr(s, 2);
  g_bindings[3].name = "scale";
  g_bindings[3].field = field_addr(s, 3);
}

int main(void) {
  bind_settings();
  clobber();
  *(double *)g_bindings[3].field *= 2;
  printf("%s=%s %s=%.2f\n", g_bindings[2].name, (char *)g_bindings[2].field, g_bindings[3].name, *(double *)g_bindings[3].field);
  return 0;
}
