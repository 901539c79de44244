// RUN: %adversarial %s
/* class 5: LD_PRELOAD shim overrides a hook that a shared library (-fsemantic-interposition) calls with a fresh object; pattern: LD_PRELOAD tracing/auditing shims. RT-SO: -fsemantic-interposition RT-PRELOAD */
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
int lib_resolve(int id);             /* in libc5_preload_so.so */
void lib_report(void);               /* in libc5_preload_so.so, overridden by the shim */

int main(void) {
  int r = lib_resolve(12);
  clobber();
  printf("r=%d\n", r);
  lib_report();
  return 0;
}
