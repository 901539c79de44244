// RUN: %adversarial %s
/* class 10: a teardown function reads 16 scalar settings of its parameter before it reaches the two string members, so both strings are read through the shared "any field" object; it frees the second one, and the caller frees the first itself: the free tag must reach the second member; pattern: config/option structs with many scalar fields and an owned string freed by a "finish" helper */
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
struct opts { int v[16]; char *title; char *scratch; };
static long finish(struct opts *o) {
  long s = 0;
  s += o->v[0]; s += o->v[1] * 2; s += o->v[2] * 3; s += o->v[3] * 4; s += o->v[4]; s += o->v[5]; s += o->v[6]; s += o->v[7];
  s += o->v[8]; s += o->v[9]; s += o->v[10]; s += o->v[11]; s += o->v[12]; s += o->v[13]; s += o->v[14]; s += o->v[15];
  s += (long)strlen(o->title);
  char *sc = o->scratch;
  s += sc[0];
  free(sc);                     /* the scratch buffer is owned by the options */
  return s;
}
static long run(int k) {
  struct opts o; memset(&o, 0, sizeof o);
  o.v[0] = k; o.v[3] = 2;
  o.title = ALLOC(32); snprintf(o.title, 32, "run-%d", k);
  o.scratch = ALLOC(64); snprintf(o.scratch, 64, "scratch for %d", k);
  long s = finish(&o);
  printf("%s done\n", o.title);
  FREE(o.title);
  return s;
}
int main(void) { long s = run(7); printf("scribble %lu, sum %ld\n", scribble(3) % 1000, s); return 0; }
