#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t n);
void xfree(void *p);

__attribute__((noinline)) long digits(int n) {
  char *text = xmalloc(32);
  snprintf(text, 32, "%d%d", n, n * 7);
  long r = strtol(text, NULL, 10) + (long)strlen(text);
  xfree(text);
  return r;
}

int main(int argc, char **argv) {
  (void)argv;
  printf("%ld\n", digits(argc + 4));
  return 0;
}
