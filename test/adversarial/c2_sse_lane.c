// RUN: %adversarial %s
/* class 2: pointer stored in an SSE vector of floats (__m128) kept in a global; pattern: SIMD particle/vertex records that carry an owner pointer in a lane */
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
#include <immintrin.h>
struct particle_meta { int id; float mass; char name[16]; };
__m128 g_rec[4];        /* x, y, z, and an "owner" lane pair */

NOINLINE static void spawn(int i) {
  struct particle_meta *m = ALLOC(sizeof *m);
  m->id = 100 + i; m->mass = 2.5f * i;
  snprintf(m->name, sizeof m->name, "p%d", i);
  __m128i lanes = _mm_set_epi64x(0x3f800000, (long long)(uintptr_t)m);
  g_rec[i] = _mm_castsi128_ps(lanes);
}

int main(void) {
  spawn(2);
  clobber();
  __m128i lanes = _mm_castps_si128(g_rec[2]);
  struct particle_meta *m = (struct particle_meta *)(uintptr_t)_mm_cvtsi128_si64(lanes);
  printf("id=%d mass=%.1f name=%s\n", m->id, m->mass, m->name);
  return 0;
}
