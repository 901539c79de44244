// RUN: %adversarial %s
/* class 2: pointer in a 256-bit AVX vector, lane shuffled with a permute before storing; pattern: SIMD batch records (struct-of-lanes) carrying owner pointers. RT-FLAGS: -mavx2 */
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
__m256i g_batch[2];

struct owner { int id; char tag[12]; };

NOINLINE static void fill_batch(int id) {
  struct owner *o = ALLOC(sizeof *o);
  o->id = id;
  snprintf(o->tag, sizeof o->tag, "own%d", id);
  __m256i v = _mm256_set_epi64x(11, 22, 33, (long long)(uintptr_t)o);
  g_batch[1] = _mm256_permute4x64_epi64(v, 0x1b);     /* reverse the four lanes */
}

int main(void) {
  fill_batch(5);
  clobber();
  __m256i v = _mm256_permute4x64_epi64(g_batch[1], 0x1b);
  struct owner *o = (struct owner *)(uintptr_t)_mm256_extract_epi64(v, 0);
  printf("id=%d tag=%s lane3=%lld\n", o->id, o->tag, (long long)_mm256_extract_epi64(v, 3));
  return 0;
}
