// RUN: %adversarial %s
/* class 2: memcpy of a pointer in two 4-byte halves into separate fields; pattern: wire formats with 32-bit fields (hi/lo cookies in RDMA/ioctl structs) */
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
struct wire { uint16_t type; uint16_t flags; uint32_t cookie_lo; uint32_t len; uint32_t cookie_hi; };
struct wire g_out;

struct rpc { int seq; char method[24]; };

NOINLINE static void send_rpc(int seq) {
  struct rpc *r = ALLOC(sizeof *r);
  r->seq = seq;
  snprintf(r->method, sizeof r->method, "fs.read#%d", seq);
  g_out.type = 7; g_out.flags = 1; g_out.len = sizeof *r;
  memcpy(&g_out.cookie_lo, (char *)&r, 4);
  memcpy(&g_out.cookie_hi, (char *)&r + 4, 4);
}

int main(void) {
  send_rpc(12);
  clobber();
  struct rpc *r;
  memcpy((char *)&r, &g_out.cookie_lo, 4);
  memcpy((char *)&r + 4, &g_out.cookie_hi, 4);
  printf("type=%d seq=%d method=%s\n", g_out.type, r->seq, r->method);
  return 0;
}
