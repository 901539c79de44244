// RUN: %adversarial %s
/* class 2: 48-bit pointer packed in a bit-field next to a 16-bit type tag; pattern: tagged value cells in interpreters (x86-64 canonical addresses) */
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
struct value { uint64_t ptr : 48; uint64_t tag : 16; };
struct value g_stack[8];
int g_sp;

struct str { size_t len; char chars[24]; };

NOINLINE static void push_string(const char *s) {
  struct str *o = ALLOC(sizeof *o);
  o->len = strlen(s);
  memcpy(o->chars, s, o->len + 1);
  struct value v;
  v.ptr = (uintptr_t)o;
  v.tag = 5;
  g_stack[g_sp++] = v;
}

int main(void) {
  push_string("packed pointer");
  clobber();
  struct value v = g_stack[--g_sp];
  struct str *o = (struct str *)(uintptr_t)v.ptr;   /* user-space address: upper 16 bits zero */
  printf("tag=%u len=%zu '%s'\n", (unsigned)v.tag, o->len, o->chars);
  return 0;
}
