// RUN: %adversarial %s
/* class 4: the pointer leaves as hex text through an fmemopen stream and comes back with fscanf("%lx"); pattern: text-serialized object graphs written to memory streams */
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
static char g_store[64];

struct point { double x, y; char name[16]; };

static void hexify(char *out, uint64_t v) {
  for (int i = 15; i >= 0; i--) { int d = (int)(v & 15); out[i] = (char)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; }
  out[16] = 0;
}

NOINLINE static void save_point(double x, double y) {
  struct point *p = ALLOC(sizeof *p);
  p->x = x; p->y = y;
  strcpy(p->name, "origin-ish");
  char hex[17];
  hexify(hex, (uintptr_t)p);
  FILE *f = fmemopen(g_store, sizeof g_store, "w");
  fputs("pt ", f);
  fputs(hex, f);
  fclose(f);
}

int main(void) {
  save_point(1.5, -2.25);
  clobber();
  FILE *f = fmemopen(g_store, sizeof g_store, "r");
  unsigned long v = 0;
  if (fscanf(f, "pt %lx", &v) != 1) return 1;
  fclose(f);
  struct point *p = (struct point *)(uintptr_t)v;
  printf("%s (%.2f, %.2f)\n", p->name, p->x, p->y);
  return 0;
}
