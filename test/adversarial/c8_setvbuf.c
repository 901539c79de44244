// RUN: %adversarial %s
/* class 8 (control): setvbuf installs a caller buffer that stdio keeps using after the function returns; pattern: log files with a larger private buffer */
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
static FILE *g_log;

NOINLINE static void open_log(void) {
  char *buf = ALLOC(1024);
  g_log = tmpfile();
  setvbuf(g_log, buf, _IOFBF, 1024);
}

int main(void) {
  open_log();
  fprintf(g_log, "first line %d\n", 1);
  clobber();
  fprintf(g_log, "second line %d\n", 2);
  fflush(g_log);
  rewind(g_log);
  char line[64];
  while (fgets(line, sizeof line, g_log)) fputs(line, stdout);
  return 0;
}
