// RUN: %adversarial %s
/* class 2: pointer byte-swapped (__builtin_bswap64) into network order before it is stored; pattern: handles embedded in big-endian protocol headers */
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
struct hdr { uint32_t magic; uint32_t len; uint64_t handle_be; };
struct hdr g_pkt;

struct stream { int id; char name[20]; };

NOINLINE static void open_stream(int id) {
  struct stream *s = ALLOC(sizeof *s);
  s->id = id;
  snprintf(s->name, sizeof s->name, "stream/%d", id);
  g_pkt.magic = 0x51524551; g_pkt.len = 16;
  g_pkt.handle_be = __builtin_bswap64((uint64_t)(uintptr_t)s);
}

int main(void) {
  open_stream(3);
  clobber();
  struct stream *s = (struct stream *)(uintptr_t)__builtin_bswap64(g_pkt.handle_be);
  printf("id=%d name=%s\n", s->id, s->name);
  return 0;
}
