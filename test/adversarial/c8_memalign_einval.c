// RUN: %adversarial %s
/* class 8 (control): posix_memalign with alignment 4 (not a multiple of sizeof(void*)) must fail with EINVAL and take the fallback; pattern: alignment taken from _Alignof of a small type */
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
#include <errno.h>
NOINLINE static int get_buffer(void) {
  void *p = NULL;
  int rc = posix_memalign(&p, _Alignof(int), 64);
#ifdef FORCE_STACK
  rc = 0; p = ALLOC(64);          /* a moved site that "succeeds" */
#endif
  int used_fallback = 0;
  if (rc != 0) { p = malloc(64); used_fallback = 1; }
  memset(p, 3, 64);
  int s = ((char *)p)[63];
#ifndef FORCE_STACK
  free(p);
#endif
  return (rc == EINVAL) * 100 + used_fallback * 10 + s;
}

int main(void) {
  int r = get_buffer();
  printf("einval=%d fallback=%d byte=%d\n", r / 100, (r / 10) % 10, r % 10);
  return 0;
}
