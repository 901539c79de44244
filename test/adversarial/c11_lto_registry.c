// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* RT-LTO */
/* Object constructor in another file registers every object in a global
   table (like a handle table); the caller "forgets" the object, which is
   later looked up by handle from main. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
struct obj { int id; char name[24]; };
struct obj *obj_new(const char *name);
void obj_release(struct obj *o);
struct obj *obj_lookup(int id);

__attribute__((noinline)) int create(const char *name) {
#ifdef FORCE_STACK
  static int next = 100; struct obj local; struct obj *o = &local; o->id = next++;
  strncpy(o->name, name, sizeof o->name - 1); o->name[sizeof o->name - 1] = 0;
  extern void obj_register(struct obj *); obj_register(o);
#else
  struct obj *o = obj_new(name);
#endif
  int id = o->id;
  return id;
}

int main(void) {
  int a = create("alpha"), b = create("beta");
  char junk[512]; memset(junk, 'J', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("%d=%s %d=%s\n", a, obj_lookup(a)->name, b, obj_lookup(b)->name);
  return 0;
}
