// RUN: %adversarial %s
/* class 10: a relocation pass walks a parameter's pointer table with a run-time index and writes, through an out-parameter, each entry's distance from the table's base entry (also chosen at run time) as plain numbers; the two loads read the parameter's shared "all fields" object, so each distance is taken for an offset inside one object, the callee is summarised as writing numbers that carry nothing, and the loader that rebuilds entries from the base + offset gets a moved malloc; pattern: pointer swizzling before writing an image (relocation tables, persistent heaps, checkpointing) */
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

struct image { int n, base; char *ent[6]; };

/* swizzle: rel[i] = where entry i lies relative to the base entry */
static void make_relocs(const struct image *im, long *rel) {
  for (int i = 0; i < im->n; i++)
    rel[i] = (long)((uintptr_t)im->ent[i] - (uintptr_t)im->ent[im->base]);
}

static char *image_base;     /* the mapped base entry */
static long relocs[6];       /* the image's relocation table */
static int nrelocs;

static void build_image(int version) {
  struct image im = { 0 };
  char *hdr = ALLOC(32), *code = ALLOC(64), *data = ALLOC(48);
  snprintf(hdr, 32, "IMG v%d", version);
  snprintf(code, 64, "code: %d instructions", version * 12);
  snprintf(data, 48, "data: %d words", version * 5);
  im.ent[0] = hdr; im.ent[1] = code; im.ent[2] = data;
  im.n = 3; im.base = 0;
  make_relocs(&im, relocs);
  nrelocs = im.n;
  image_base = hdr;
}

static unsigned long scribble(int k) {   /* unrelated work that reuses the stack */
  char buf[768];
  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)('a' + (i * k) % 26);
  unsigned long h = 5381;
  for (int i = 0; i < (int)sizeof buf; i++) h = h * 33 + (unsigned char)buf[i];
  return h;
}

int main(void) {
  build_image(2);
  printf("scribble %lu\n", scribble(11) % 1000);
  for (int i = 0; i < nrelocs; i++) {   /* unswizzle */
    const char *e = (const char *)((uintptr_t)image_base + relocs[i]);
    char line[80];
    size_t n = strlen(e);
    memcpy(line, e, n + 1);
    printf("entry %d: %s\n", i, line);
  }
  return 0;
}
