// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* Wrapper calls an application-installed allocation hook (like a leak
   tracer or a memory profiler callback) with each fresh block. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
typedef void (*alloc_hook_fn)(void *, size_t);
static alloc_hook_fn alloc_hook;
static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) abort();
  if (alloc_hook) alloc_hook(p, n);
  return p;
}
static void *seen[8]; static int nseen;
static void tracer(void *p, size_t n) { (void)n; if (nseen < 8) seen[nseen++] = p; }

__attribute__((noinline)) static int work(int k) {
#ifdef FORCE_STACK
  char b[24]; char *s = b; tracer(s, 24);
#else
  char *s = xmalloc(24);
#endif
  snprintf(s, 24, "work-%d", k);
  return (int)strlen(s);   /* leaked; the tracer reports it */
}

int main(int argc, char **argv) {
  (void)argv;
  if (argc > 0) alloc_hook = tracer;
  int t = work(1) + work(22);
  char junk[256]; memset(junk, 'K', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("t=%d leaks:", t);
  for (int i = 0; i < nseen; i++) printf(" %s", (char *)seen[i]);
  printf("\n");
  return 0;
}
