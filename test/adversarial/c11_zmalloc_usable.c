// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* redis-style zmalloc: used_memory accounting via malloc_usable_size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <malloc.h>

static size_t used_memory;
static void zmalloc_oom(size_t n) { fprintf(stderr, "zmalloc: out of memory %zu\n", n); abort(); }
static void *zmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) zmalloc_oom(n);
  used_memory += malloc_usable_size(p);
  return p;
}
static void zfree(void *p) {
  if (!p) return;
  used_memory -= malloc_usable_size(p);
  free(p);
}
static char *zstrdup(const char *s) { size_t l = strlen(s) + 1; char *p = zmalloc(l); memcpy(p, s, l); return p; }

__attribute__((noinline)) static int keylen(const char *k) {
#ifdef FORCE_STACK
  char buf[64]; strcpy(buf, k); char *c = buf;
#else
  char *c = zstrdup(k);
#endif
  for (char *q = c; *q; q++) if (*q == ':') *q = '_';
  int n = (int)strlen(c);
  zfree(c);
  return n;
}

int main(void) {
  size_t before = used_memory;
  int t = 0;
  for (int i = 0; i < 10; i++) t += keylen("user:1000:name");
  printf("t=%d leaked=%zu\n", t, used_memory - before);
  return 0;
}
