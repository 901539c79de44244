// RUN: %adversarial %s
/* class 8: pointer written into a bit stream by a bit writer that only branches on each bit (put_bit(w, (x >> i) & 1)), read back bit by bit; pattern: Huffman/bit-packing serializers */
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
struct bitstream { unsigned char buf[32]; int nbits, rpos; };
static struct bitstream g_bs;       /* outgoing snapshot stream */

static void put_bit(struct bitstream *s, int bit) {
  if (bit) s->buf[s->nbits >> 3] |= (unsigned char)(1u << (s->nbits & 7));
  s->nbits++;
}
static int get_bit(struct bitstream *s) { int b = (s->buf[s->rpos >> 3] >> (s->rpos & 7)) & 1; s->rpos++; return b; }
static void put_u64(struct bitstream *s, uint64_t x) { for (int i = 0; i < 64; i++) put_bit(s, (int)((x >> i) & 1)); }
static uint64_t get_u64(struct bitstream *s) { uint64_t x = 0; for (int i = 0; i < 64; i++) x |= (uint64_t)get_bit(s) << i; return x; }

struct snapshot { long seq; char who[24]; };

NOINLINE static void take_snapshot(long seq) {
  struct snapshot *sn = ALLOC(sizeof *sn);
  sn->seq = seq;
  snprintf(sn->who, sizeof sn->who, "snap-%ld", seq);
  put_u64(&g_bs, (uintptr_t)sn);
}

int main(void) {
  take_snapshot(77);
  clobber();
  struct snapshot *sn = (struct snapshot *)(uintptr_t)get_u64(&g_bs);
  printf("seq=%ld who=%s\n", sn->seq, sn->who);
  return 0;
}
