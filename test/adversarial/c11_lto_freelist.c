// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* RT-LTO */
/* Fixed-size node allocator in another file with an intrusive free list
   (xfree pushes the block, node_alloc pops it).  A block released in one
   function is handed out again later, with its old contents. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct item { struct item *link; int key; char name[20]; };
struct item *node_alloc(void);
void node_release(struct item *);
int free_count(void);

__attribute__((noinline)) static int scratch(int k) {
#ifdef FORCE_STACK
  struct item local; struct item *it = &local;
#else
  struct item *it = node_alloc();
#endif
  it->key = k; snprintf(it->name, sizeof it->name, "scratch-%d", k);
  int r = it->key + (int)strlen(it->name);
  node_release(it);
  return r;
}

int main(void) {
  int r = 0;
  for (int i = 0; i < 4; i++) r += scratch(i);
  char junk[512]; memset(junk, 'F', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("r=%d free=%d\n", r, free_count());
  struct item *a = node_alloc(), *b = node_alloc();
  a->key = 1; b->key = 2;
  printf("a=%d b=%d free=%d distinct=%d\n", a->key, b->key, free_count(), a != b);
  return 0;
}
