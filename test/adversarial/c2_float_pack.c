// RUN: %adversarial %s
/* class 2: pointer bits split into two floats (24-bit mantissas) via integer-to-float conversion; pattern: GPU picking buffers that encode object ids/pointers in float vertex attributes */
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
struct vertex { float x, y, id_hi, id_mid, id_lo; };
struct vertex g_vbo[4];

struct mesh { int tris; char material[20]; };

NOINLINE static void upload(int v) {
  struct mesh *m = ALLOC(sizeof *m);
  m->tris = 1200 + v;
  snprintf(m->material, sizeof m->material, "steel-%d", v);
  uint64_t id = (uintptr_t)m;                   /* 48-bit address, 16 bits per float */
  g_vbo[v].x = 1; g_vbo[v].y = 2;
  g_vbo[v].id_hi = (float)(uint32_t)(id >> 32);
  g_vbo[v].id_mid = (float)(uint32_t)((id >> 16) & 0xffff);
  g_vbo[v].id_lo = (float)(uint32_t)(id & 0xffff);
}

int main(void) {
  upload(1);
  clobber();
  uint64_t id = ((uint64_t)(uint32_t)g_vbo[1].id_hi << 32) | ((uint64_t)(uint32_t)g_vbo[1].id_mid << 16) | (uint32_t)g_vbo[1].id_lo;
  struct mesh *m = (struct mesh *)(uintptr_t)id;
  printf("tris=%d material=%s\n", m->tris, m->material);
  return 0;
}
