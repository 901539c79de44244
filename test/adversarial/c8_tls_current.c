// RUN: %adversarial %s
/* class 8 (control): pointer kept in a _Thread_local "current request" slot; pattern: per-thread context pointers */
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
static _Thread_local struct request *t_current;
struct request { int id; char path[24]; };

NOINLINE static void begin_request(int id) {
  struct request *r = ALLOC(sizeof *r);
  r->id = id;
  snprintf(r->path, sizeof r->path, "/r/%d", id);
  t_current = r;
}

int main(void) {
  begin_request(9);
  clobber();
  printf("current: %d %s\n", t_current->id, t_current->path);
  return 0;
}
