#include <stdlib.h>

// The buffer never leaves total(): moved to the stack.
long total(long n) {
  long *v = malloc(16 * sizeof *v);
  long s = 0;
  for (long i = 0; i < 16; i++)
    v[i] = i < n ? i : 0;
  for (long i = 0; i < 16; i++)
    s += v[i];
  free(v);
  return s;
}
