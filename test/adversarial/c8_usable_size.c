// RUN: %adversarial %s
/* class 8 (control): string builder that asks malloc_usable_size for its real capacity; pattern: growable buffers using allocator slack */
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
#include <malloc.h>
NOINLINE static size_t builder_capacity(void) {
  char *b = ALLOC(100);
#ifdef FORCE_STACK
  size_t cap = 0;                /* what a moved buffer would report: not a heap chunk */
#else
  size_t cap = malloc_usable_size(b);
#endif
  memset(b, 'x', 100);
  FREE(b);
  return cap >= 100;
}

int main(void) {
  printf("capacity ok=%zu\n", builder_capacity());
  return 0;
}
