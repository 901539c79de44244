// A C program with assembly parts: add3 (add3.s), scale (scale.S, which
// includes scale.h and uses #define) and total (total.c, which allocates).
#include <stdio.h>

long add3(long a, long b, long c);
long scale(long x);
long total(long n);

int main(void) {
  printf("%ld %ld %ld\n", add3(1, 2, 3), scale(7), total(10));
  return 0;
}
