// RUN: %adversarial %s
/* class 5: GNU89 extern inline + gnu_inline header fast path (available_externally) vs the real definition in the other file that keeps the pointer; pattern: glibc-style header inlines RT-LTO */
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
/* ---- "pool.h" ---- */
struct pool_stats { long n; };
extern struct pool_stats g_pool_stats;
void pool_report(void);
extern inline __attribute__((gnu_inline)) void pool_note(void *obj, size_t sz) {
  /* header fast path: statistics only */
  long n = g_pool_stats.n;
  const unsigned char *b = obj;
  for (size_t i = 0; i < sz; i++) {
#define MIX n = n * 31 + b[i]; n ^= n >> 7; n += (long)(i * 2654435761u); n ^= n << 3;
#define MIX4 MIX MIX MIX MIX
    MIX4 MIX4 MIX4 MIX4 MIX4 MIX4 MIX4 MIX4
  }
  g_pool_stats.n = n & 0xffffff;
}
/* ---- application ---- */
struct req { int id; char path[40]; };

NOINLINE static void handle(int id) {
  struct req *r = ALLOC(sizeof *r);
  memset(r, 0, sizeof *r);
  r->id = id;
  snprintf(r->path, sizeof r->path, "/api/v1/items/%d", id);
  pool_note(r, sizeof *r);
  pool_note(r->path, 8);
  pool_note(r, 4);
}

int main(void) {
  handle(5);
  clobber();
  pool_report();
  return 0;
}
