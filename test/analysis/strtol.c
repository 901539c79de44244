// strtol stores a pointer into its string in *endptr: the buffer stays local
// while endptr does; it escapes when endptr is global.
// RUN: %verdicts
#include <stdio.h>
#include <stdlib.h>
char *global_end;
long parse(int v) {
  char *end;
  // CHECK-DAG: strtol.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) does not escape
  char *buf = malloc(32);
  snprintf(buf, 32, "%d rest", v);
  long r = strtol(buf, &end, 10) + (end - buf);
  free(buf);
  return r;
}
long parse_global(int v) {
  // CHECK-DAG: strtol.c:[[@LINE+1]]:{{[0-9]+}}: malloc(32) escapes to heap
  char *buf = malloc(32);
  snprintf(buf, 32, "%d", v);
  return strtol(buf, &global_end, 10);
}
