// A scratch buffer per call: formatted into, read, freed. Moved.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t label_length(const char *name, int id) {
  char *buf = malloc(64);
  if (!buf)
    return 0;
  snprintf(buf, 64, "%s-%04d", name, id);
  size_t n = strlen(buf);
  free(buf);
  return n;
}

int main(void) {
  size_t total = 0;
  for (int i = 0; i < 1000; i++)
    total += label_length("item", i);
  printf("%zu\n", total);
  return 0;
}
