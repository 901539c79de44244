// RUN: %adversarial %s
/* class 2: pointer bytes reordered with __builtin_shufflevector on an 8 x uint8 vector; pattern: SIMD byte-swizzling serializers */
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
typedef unsigned char v8u8 __attribute__((vector_size(8)));
v8u8 g_wire;

struct peer { int port; char host[20]; };

NOINLINE static void announce(int port) {
  struct peer *p = ALLOC(sizeof *p);
  p->port = port;
  snprintf(p->host, sizeof p->host, "node%d.local", port % 7);
  v8u8 b;
  memcpy(&b, &p, sizeof p);
  g_wire = __builtin_shufflevector(b, b, 7, 6, 5, 4, 3, 2, 1, 0);
}

int main(void) {
  announce(8080);
  clobber();
  v8u8 b = __builtin_shufflevector(g_wire, g_wire, 7, 6, 5, 4, 3, 2, 1, 0);
  struct peer *p;
  memcpy(&p, &b, sizeof p);
  printf("%s:%d\n", p->host, p->port);
  return 0;
}
