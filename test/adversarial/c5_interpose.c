// RUN: %adversarial %s
/* class 5: shared library built with -fsemantic-interposition calls its own exported no-op audit hook; the executable interposes the hook and keeps the object; pattern: ELF symbol interposition of library hooks. RT-SO: -fsemantic-interposition */
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
int lib_parse(const char *s);        /* in libc5_interpose_so.so */
struct token { int kind; char text[28]; };
static struct token *g_audited;

/* interposes the library's default (empty) definition */
void lib_audit(void *obj) { g_audited = obj; }

int main(void) {
  int n = lib_parse("alpha beta");
  clobber();
  printf("n=%d\n", n);
  if (g_audited) printf("audited kind=%d text=%s\n", g_audited->kind, g_audited->text);
  else puts("audited nothing");
  return 0;
}
