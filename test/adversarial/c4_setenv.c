// RUN: %adversarial %s
/* class 4: pointer formatted in decimal by hand, passed through setenv/getenv, parsed with strtoull; pattern: handing a context to a child component via an environment variable */
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
struct config { int verbose; char path[24]; };

static void utoa10(char *out, uint64_t v) {
  char tmp[24]; int n = 0;
  do { tmp[n++] = (char)('0' + v % 10); v /= 10; } while (v);
  for (int i = 0; i < n; i++) out[i] = tmp[n - 1 - i];
  out[n] = 0;
}

NOINLINE static void load_config(int verbose) {
  struct config *c = ALLOC(sizeof *c);
  c->verbose = verbose;
  strcpy(c->path, "/etc/app.conf");
  char num[24];
  utoa10(num, (uintptr_t)c);
  setenv("APP_CONFIG_PTR", num, 1);
}

int main(void) {
  load_config(2);
  clobber();
  struct config *c = (struct config *)(uintptr_t)strtoull(getenv("APP_CONFIG_PTR"), NULL, 10);
  printf("verbose=%d path=%s\n", c->verbose, c->path);
  return 0;
}
