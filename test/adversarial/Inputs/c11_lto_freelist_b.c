#include <stdlib.h>
struct item { struct item *link; int key; char name[20]; };
static struct item *freelist; static int nfree;
struct item *node_alloc(void) {
  if (freelist) { struct item *it = freelist; freelist = it->link; nfree--; return it; }
  struct item *it = malloc(sizeof *it); if (!it) abort(); return it;
}
void node_release(struct item *it) { it->link = freelist; freelist = it; nfree++; }
int free_count(void) { return nfree; }
