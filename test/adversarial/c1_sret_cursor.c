// RUN: %adversarial %s
/* class 1: a large struct returned through sret carrying a pointer into the caller-owned allocation, copied to a global; pattern: iterator/cursor objects over a document */
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
struct doc { int nlines; char text[120]; };
struct cursor { struct doc *doc; const char *pos; int line, col; long a, b, c, d; };

static struct cursor doc_cursor(struct doc *d, int off) {
  struct cursor c;
  memset(&c, 0, sizeof c);
  c.doc = d; c.pos = d->text + off; c.line = 1; c.col = off;
  return c;
}

struct cursor g_cur;   /* editor's saved cursor */

NOINLINE static void open_doc(void) {
  struct doc *d = ALLOC(sizeof *d);
  d->nlines = 1;
  strcpy(d->text, "hello, saved cursor world");
  g_cur = doc_cursor(d, 7);
}

int main(void) {
  open_doc();
  clobber();
  printf("at %d:%d '%s' (%d lines)\n", g_cur.line, g_cur.col, g_cur.pos, g_cur.doc->nlines);
  return 0;
}
