// RUN: %adversarial %s
/* class 8 (control): strtok keeps a pointer into the string between calls made from different functions; pattern: tokenizer init/next APIs over a private copy */
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
NOINLINE static const char *tok_begin(const char *line) {
  char *copy = ALLOC(64);
  snprintf(copy, 64, "%s", line);
  return strtok(copy, " ,");
}

int main(void) {
  const char *t = tok_begin("alpha, beta gamma,delta");
  char first[16];
  snprintf(first, sizeof first, "%s", t);
  clobber();
  printf("%s", first);
  while ((t = strtok(NULL, " ,"))) printf("|%s", t);
  printf("\n");
  return 0;
}
