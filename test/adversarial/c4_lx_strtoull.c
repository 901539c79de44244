// RUN: %adversarial %s
/* class 4: integer cast of the pointer printed with "%lx" and parsed back with strtoull; pattern: object ids in text protocols (e.g. "HANDLE 7f12ab...") */
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
char g_line[64];

struct sess { int uid; char name[20]; };

NOINLINE static void open_session(int uid) {
  struct sess *s = ALLOC(sizeof *s);
  s->uid = uid;
  snprintf(s->name, sizeof s->name, "sess-%d", uid);
  snprintf(g_line, sizeof g_line, "HANDLE %lx", (unsigned long)(uintptr_t)s);
}

int main(void) {
  open_session(500);
  clobber();
  struct sess *s = (struct sess *)(uintptr_t)strtoull(g_line + 7, NULL, 16);
  printf("uid=%d name=%s\n", s->uid, s->name);
  return 0;
}
