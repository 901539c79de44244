// RUN: %adversarial %s
/* class 2: pointer bits returned inside a struct of four floats (returned in two SSE registers) and stored in a global; pattern: vec4 records carrying an object id in spare lanes (GPU picking) */
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
struct vec4 { float v[4]; };
struct vec4 g_pick[4];

struct model { int meshes; char name[20]; };

NOINLINE static struct vec4 pick_record(float x, float y, void *owner) {
  struct vec4 r;
  r.v[0] = x; r.v[3] = y;
  memcpy(&r.v[1], &owner, sizeof owner);   /* lanes 1-2 carry the owner */
  return r;
}

NOINLINE static void load_model(int slot) {
  struct model *m = ALLOC(sizeof *m);
  m->meshes = 12;
  snprintf(m->name, sizeof m->name, "teapot-%d", slot);
  g_pick[slot] = pick_record(0.5f, 0.25f, m);
}

int main(void) {
  load_model(1);
  clobber();
  struct model *m;
  memcpy(&m, &g_pick[1].v[1], sizeof m);
  printf("%s meshes=%d at (%.2f,%.2f)\n", m->name, m->meshes, g_pick[1].v[0], g_pick[1].v[3]);
  return 0;
}
