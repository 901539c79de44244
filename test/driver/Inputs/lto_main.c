#include <stdio.h>
#include <stdlib.h>
int reader(const int *p, int n);
__attribute__((noinline)) int sum(int a, int b, int n) {
  int *p = malloc(8);
  p[0] = a;
  p[1] = b;
  int r = reader(p, n);
  free(p);
  return r;
}
int main(int argc, char **argv) {
  (void)argv;
  printf("%d\n", sum(argc, 2, argc + 1));
  return 0;
}
