// RUN: %adversarial %s
/* class 12: sites freed through one pointer (red team round 7, against the first build that moves them together) */
/* Constructor/destructor wrappers (inlined by the plugin) build two objects
   cross-linked through peer fields; the destructor frees o->peer->buf or
   o->buf depending on data, and one object's buffer is kept by the caller. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct obj { struct obj *peer; char *buf; };
static struct obj *obj_new(const char *s) {
  struct obj *o = malloc(sizeof *o);
  o->peer = NULL;
  o->buf = malloc(16);
  strcpy(o->buf, s);
  return o;
}
#ifdef FORCE_STACK
static char *stackbuf;
#define FREEBUF(p) do { if ((p) != stackbuf) free(p); } while (0)
#else
#define FREEBUF(p) free(p)
#endif
static void obj_free(struct obj *o) { FREEBUF(o->buf); free(o); }
__attribute__((noinline)) static void clobber(void) {
  volatile char junk[512];
  for (int i = 0; i < 512; i++) junk[i] = 'Z';
}
__attribute__((noinline)) static char *work(int c, int i) {
  struct obj *x = obj_new("x"), *y = obj_new("y");
#ifdef FORCE_STACK
  char sb[16];
  strcpy(sb, x->buf); free(x->buf); x->buf = sb; stackbuf = sb;
#endif
  x->peer = y; y->peer = x;
  snprintf(x->buf, 16, "x%d", i); snprintf(y->buf, 16, "y%d", i);
  struct obj *o = c ? x : y;
  char *kept = NULL;
  if (i & 1) { kept = o->peer->buf; o->peer->buf = NULL; }
  obj_free(o->peer);
  obj_free(o);
  return kept;
}
int main(int argc, char **argv) {
  (void)argv;
  char *k[4];
  for (int i = 0; i < 4; i++) k[i] = work((i + argc) & 1, i);
  clobber();
  for (int i = 0; i < 4; i++) printf("%d %s\n", i, k[i] ? k[i] : "-");
  for (int i = 0; i < 4; i++) FREEBUF(k[i]);
  return 0;
}
