// RUN: %adversarial %s
/* class 8: aligned_alloc(4096, 4096) and posix_memalign(64) must give page / cache-line aligned memory after the move; pattern: DMA/IO buffers, SIMD tables */
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
NOINLINE static int check_alignment(void) {
#ifdef FORCE_STACK
  char *page = ALLOC(4096);                        /* only 16-byte aligned */
  char *line = (char *)ALLOC(128) + 16;
#else
  char *page = aligned_alloc(4096, 4096);
  void *lp = NULL;
  if (posix_memalign(&lp, 64, 128)) return -1;
  char *line = lp;
#endif
  memset(page, 1, 4096);
  memset(line, 2, 128);
  int ok = ((uintptr_t)page % 4096 == 0) * 10 + ((uintptr_t)line % 64 == 0);
  int sum = page[4095] + line[127];
  FREE(page);
#ifndef FORCE_STACK
  free(line);
#endif
  return ok * 100 + sum;
}

int main(void) {
  int r = check_alignment();
  printf("page aligned=%d line aligned=%d sum=%d\n", r / 1000, (r / 100) % 10, r % 100);
  return 0;
}
