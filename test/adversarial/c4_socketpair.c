// RUN: %adversarial %s
/* class 4: message struct holding a pointer sent over a socketpair (send/recv) to the same process; pattern: in-process IPC between components over AF_UNIX */
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
#include <sys/socket.h>
#include <unistd.h>
struct msg { int type; void *payload; };
struct reply { int status; char text[28]; };
static int g_sv[2];

NOINLINE static void component_a(int status) {
  struct reply *r = ALLOC(sizeof *r);
  r->status = status;
  snprintf(r->text, sizeof r->text, "status %d ok", status);
  struct msg m = { 2, r };
  if (send(g_sv[0], &m, sizeof m, 0) != (ssize_t)sizeof m) abort();
}

int main(void) {
  if (socketpair(AF_UNIX, SOCK_DGRAM, 0, g_sv)) return 1;
  component_a(201);
  clobber();
  struct msg m;
  if (recv(g_sv[1], &m, sizeof m, 0) != (ssize_t)sizeof m) return 1;
  struct reply *r = m.payload;
  printf("type=%d status=%d text=%s\n", m.type, r->status, r->text);
  return 0;
}
