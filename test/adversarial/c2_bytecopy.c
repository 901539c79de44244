// RUN: %adversarial %s
/* class 2: pointer copied byte by byte with a hand-written loop into a message buffer (the README limit); pattern: portable serializers that avoid memcpy */
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
unsigned char g_msg[32];   /* outgoing message: [type][8-byte payload pointer]... */

struct job { int id; char what[20]; };

static void put_bytes(unsigned char *dst, const void *src, size_t n) {
  const unsigned char *s = src;
  for (size_t i = 0; i < n; i++) dst[i] = s[i];
}

NOINLINE static void post_job(int id) {
  struct job *j = ALLOC(sizeof *j);
  j->id = id;
  snprintf(j->what, sizeof j->what, "resize-%d", id);
  g_msg[0] = 1;
  put_bytes(g_msg + 1, &j, sizeof j);
}

int main(void) {
  post_job(9);
  clobber();
  struct job *j;
  unsigned char *d = (unsigned char *)&j;
  for (size_t i = 0; i < sizeof j; i++) d[i] = g_msg[1 + i];
  printf("type=%d id=%d what=%s\n", g_msg[0], j->id, j->what);
  return 0;
}
