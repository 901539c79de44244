// RUN: %adversarial %s
/* class 8: loop that remembers the first iterations object as a double (exact integer conversion) in a loop-carried value; pattern: numeric-handle bookkeeping in scripting glue */
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
NOINLINE static int first_of(int n) {
  double first = 0;
  for (int i = 0; i < n; i++) {
    int *v = ALLOC(sizeof(int) * 4);
    v[0] = 100 + i;
    if (i == 0) first = (double)(uintptr_t)v;
  }
  return *(int *)(uintptr_t)first;
}

int main(void) {
  printf("first=%d\n", first_of(4));
  return 0;
}
