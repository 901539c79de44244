// RUN: %adversarial %s
/* class 8 (control): atexit handler flushes a pending record reachable from a global; pattern: at-exit flushing of buffered state */
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
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
struct pending { int n; char text[28]; };
static struct pending *g_pending;
static void flush_at_exit(void) { printf("flushing %d: %s\n", g_pending->n, g_pending->text); }

NOINLINE static void queue_record(int n) {
  struct pending *p = ALLOC(sizeof *p);
  p->n = n;
  snprintf(p->text, sizeof p->text, "record number %d", n);
  g_pending = p;
  atexit(flush_at_exit);
}

int main(void) {
  queue_record(4);
  clobber();
  puts("main done");
  return 0;
}
