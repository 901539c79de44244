// RUN: %adversarial %s
/* class 10: a gap buffer whose two cursors live in a struct in memory and are moved by +1/-1/-2/+3 in a loop (cycles of shifting edges through memory), with a read-only helper taking the struct's address each step; the final cursor is kept in a global: the buffer must stay on the heap; pattern: editors' gap buffers / cursor structs (b->lo = b->lo + 1) */
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
static unsigned long scribble(int k) {   /* unrelated work that reuses the stack */
  char buf[768];
  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)('a' + (i * k) % 26);
  unsigned long h = 5381;
  for (int i = 0; i < (int)sizeof buf; i++) h = h * 33 + (unsigned char)buf[i];
  return h;
}
struct gap { char *lo, *hi; char *base; };
static char *last_cursor;
static int peek(const struct gap *gb) { return gb->lo[-1] + gb->hi[0]; }
static void edit(const char *script) {
  char *m = ALLOC(256);
  memset(m, '.', 256); m[255] = 0;
  struct gap gb = { m + 128, m + 128, m };
  long u = 0;
  for (const char *s = script; *s; s++) {
    switch (*s) {
      case '<': if (gb.lo > m) { *--gb.hi = *--gb.lo; } break;
      case '>': if (gb.hi < m + 255) { *gb.lo++ = *gb.hi++; } break;
      case '[': gb.lo -= 2; break;
      case ']': gb.hi += 3; break;
      default: *gb.lo++ = *s; break;
    }
    u += peek(&gb);
  }
  last_cursor = gb.lo;
  if (u == 7) puts("seven");
}
int main(void) {
  edit("hello<<<<>>world[]");
  printf("scribble %lu\n", scribble(5) % 1000);
  printf("%.20s\n", last_cursor - 8);
  return 0;
}
