// RUN: %adversarial %s
/* class 8 (control): fopencookie keeps the cookie pointer and calls back with it on every write and at close; pattern: custom FILE streams over application objects */
#define _GNU_SOURCE
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
struct sink { size_t len; char data[200]; };
static ssize_t sink_write(void *c, const char *buf, size_t n) {
  struct sink *s = c;
  if (s->len + n > sizeof s->data) n = sizeof s->data - s->len;
  memcpy(s->data + s->len, buf, n);
  s->len += n;
  return (ssize_t)n;
}
static int sink_close(void *c) {
  struct sink *s = c;
  printf("sink got %zu bytes: %.*s\n", s->len, (int)s->len, s->data);
  return 0;
}
static FILE *g_out;

NOINLINE static void open_sink(void) {
  struct sink *s = ALLOC(sizeof *s);
  s->len = 0;
  cookie_io_functions_t io = { NULL, sink_write, NULL, sink_close };
  g_out = fopencookie(s, "w", io);
  setvbuf(g_out, NULL, _IONBF, 0);
}

int main(void) {
  open_sink();
  fprintf(g_out, "hello %d", 1);
  clobber();
  fprintf(g_out, " world %d", 2);
  fclose(g_out);
  return 0;
}
