/* Allocation wrappers in their own file, as projects keep them (xmalloc.c). */
#include <stdio.h>
#include <stdlib.h>

void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) {
    fputs("out of memory\n", stderr);
    abort();
  }
  return p;
}

void xfree(void *p) { free(p); }
