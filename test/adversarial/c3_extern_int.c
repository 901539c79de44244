// RUN: %adversarial %s
/* class 3: the slot address comes back as an integer from a function in another file (uintptr_t registry_slot(int)); pattern: C APIs that pass addresses as uintptr_t (JNI/FFI handles) RT-LTO */
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
uintptr_t registry_slot(int i);    /* in c3_extern_int_b.c */
void *registry_get(int i);

struct obj { int id; char s[20]; };

NOINLINE static void install(int i) {
  struct obj *o = ALLOC(sizeof *o);
  o->id = 40 + i;
  snprintf(o->s, sizeof o->s, "installed %d", i);
  *(void **)registry_slot(i) = o;
}

int main(void) {
  install(2);
  clobber();
  struct obj *o = registry_get(2);
  printf("id=%d s=%s\n", o->id, o->s);
  return 0;
}
