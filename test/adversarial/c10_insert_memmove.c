// RUN: %adversarial %s
/* class 10: sorted insertion into a small vector shifts the tail with memmove of a run-time length (a load of unknown size from the object, written at a shifted offset), then the element now at a constant slot is published in a global; pattern: insertion into sorted arrays / priority lists (memmove(&v[i+1], &v[i], (n-i)*sizeof *v)) */
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
struct vec { long len; const char *items[8]; };
static const char *published;
static void build(int k) {
  struct vec v = { 0 };
  char *a = ALLOC(32);
  snprintf(a, 32, "entry-%d", k);
  v.items[0] = "zeta"; v.len = 1;
  for (int i = 0; i < 3; i++) {   /* shift the tail by hand: push every item one slot up */
    memmove(&v.items[1], &v.items[0], (size_t)v.len * sizeof v.items[0]);
    v.items[0] = i == 1 ? a : "alpha";
    v.len++;
  }
  published = v.items[1];         /* the item now in slot 1 */
}
int main(void) { build(4); printf("scribble %lu\n", scribble(9) % 1000); printf("%s\n", published); return 0; }
