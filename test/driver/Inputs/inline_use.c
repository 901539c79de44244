// A C99 inline definition: calls here may run it or keep.c's external one,
// which keeps the pointer. Nothing may trust this body.
#include <stdio.h>
#include <stdlib.h>
inline void keep(long *p) { (void)p; }
long *kept;
__attribute__((noinline)) void make(long v) {
  long *p = malloc(sizeof *p);
  *p = v;
  keep(p);
}
static __attribute__((noinline)) void clobber(void) {
  volatile char junk[4096];
  for (int i = 0; i < 4096; i++)
    junk[i] = (char)i;
}
int main(void) {
  make(41);
  clobber();
  printf("%ld\n", kept ? *kept + 1 : 42); /* either definition may run */
  return 0;
}
