/* second translation unit of c5_gnu_inline: the out-of-line pool_note keeps the last object */
#include <stdio.h>
#include <stddef.h>
struct pool_stats { long n; };
struct pool_stats g_pool_stats;
struct req { int id; char path[40]; };
static void *g_last;
void pool_note(void *obj, size_t sz) {
  if (sz == sizeof(struct req)) g_last = obj;     /* debug build remembers the last request */
  long n = g_pool_stats.n;
  const unsigned char *b = obj;
  for (size_t i = 0; i < sz; i++) {
#define MIX n = n * 31 + b[i]; n ^= n >> 7; n += (long)(i * 2654435761u); n ^= n << 3;
#define MIX4 MIX MIX MIX MIX
    MIX4 MIX4 MIX4 MIX4 MIX4 MIX4 MIX4 MIX4
  }
  g_pool_stats.n = n & 0xffffff;
}
void pool_report(void) {
  struct req *r = g_last;
  printf("stats=%ld last=%d %s\n", g_pool_stats.n, r ? r->id : -1, r ? r->path : "-");
}
