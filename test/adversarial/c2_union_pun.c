// RUN: %adversarial %s
/* class 2: union written through the pointer member, read through the uint64_t member, stored as an integer; pattern: generic variant/any types with an integer view for hashing and storage */
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
union any { void *p; uint64_t u; double d; char bytes[8]; };
uint64_t g_words[8];   /* a generic "word store" used by a plugin ABI */

struct session { int uid; char user[20]; };

NOINLINE static void login(int uid) {
  struct session *s = ALLOC(sizeof *s);
  s->uid = uid;
  snprintf(s->user, sizeof s->user, "user%d", uid);
  union any a;
  a.p = s;
  g_words[3] = a.u;
}

int main(void) {
  login(1001);
  clobber();
  union any a;
  a.u = g_words[3];
  struct session *s = a.p;
  printf("uid=%d user=%s\n", s->uid, s->user);
  return 0;
}
