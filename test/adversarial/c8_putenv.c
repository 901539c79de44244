// RUN: %adversarial %s
/* class 8 (control): putenv keeps the caller string in the environment; pattern: the classic putenv-with-a-temporary bug, here with a heap string */
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
NOINLINE static void set_mode(const char *v) {
  char *s = ALLOC(64);
  snprintf(s, 64, "APP_MODE=%s", v);
  putenv(s);
}

int main(void) {
  set_mode("production");
  clobber();
  printf("APP_MODE=%s\n", getenv("APP_MODE"));
  return 0;
}
