// A calloc'd counting table, and a temporary array handed to a reader: both
// moved. The one sized at run time gets a 64-byte stack buffer, used when
// n * 4 fits (-escape-small-buffer), and the heap otherwise.
#include <stdio.h>
#include <stdlib.h>

static int max_of(const int *v, int n) {
  int m = v[0];
  for (int i = 1; i < n; i++)
    m = v[i] > m ? v[i] : m;
  return m;
}

int most_common_digit(const char *s) {
  int *count = calloc(10, sizeof *count);
  for (; *s; s++)
    if (*s >= '0' && *s <= '9')
      count[*s - '0']++;
  int best = 0;
  for (int d = 1; d < 10; d++)
    if (count[d] > count[best])
      best = d;
  free(count);
  return best;
}

int spread(int a, int b, int c) {
  int *tmp = malloc(3 * sizeof *tmp);
  tmp[0] = a;
  tmp[1] = b;
  tmp[2] = c;
  int m = max_of(tmp, 3);
  free(tmp);
  return m;
}

int sized_at_run_time(int n) {
  int *v = malloc((size_t)n * sizeof *v);
  for (int i = 0; i < n; i++)
    v[i] = i;
  int m = max_of(v, n);
  free(v);
  return m;
}

int main(void) {
  printf("%d %d %d\n", most_common_digit("31415926535"), spread(3, 9, 4),
         sized_at_run_time(10));
  return 0;
}
