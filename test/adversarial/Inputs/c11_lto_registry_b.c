#include <stdlib.h>
#include <string.h>
struct obj { int id; char name[24]; };
static struct obj *table[16]; static int ntab; static int next_id = 100;
void obj_register(struct obj *o) { table[ntab++] = o; }
struct obj *obj_new(const char *name) {
  struct obj *o = malloc(sizeof *o);
  if (!o) abort();
  o->id = next_id++;
  strncpy(o->name, name, sizeof o->name - 1); o->name[sizeof o->name - 1] = 0;
  table[ntab++] = o;
  return o;
}
struct obj *obj_lookup(int id) { for (int i = 0; i < ntab; i++) if (table[i]->id == id) return table[i]; return NULL; }
void obj_release(struct obj *o) { (void)o; }
