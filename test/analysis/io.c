// Bytes that leave the process and come back: what they hold escapes, and
// what is parsed from text may be any address. Output of a string's bytes
// and of plain numbers keeps a buffer local.
// RUN: %verdicts
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
void *g;
void to_fd(int fd) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap
  void *p = malloc(16);
  write(fd, &p, sizeof p);
}
void to_file(FILE *f) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(17) escapes to heap
  void *p = malloc(17);
  fwrite(&p, sizeof p, 1, f);
}
void printed(void) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(18) escapes to heap
  void *p = malloc(18);
  printf("%p\n", p);
}
void printed_as_number(void) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(19) escapes to heap
  char *p = malloc(19);
  printf("%lx\n", (unsigned long)(uintptr_t)p);
}
void round_trip(void) {
  char text[32];
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(20) escapes to heap
  long *p = malloc(20);
  void *q = NULL;
  snprintf(text, sizeof text, "%p", (void *)p);
  sscanf(text, "%p", &q);
  g = q;
}
void parsed(const char *text) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(21) escapes to heap
  void *p = malloc(21);
  uintptr_t at = strtoull(text, NULL, 16);
  *(void **)at = p;
}
void bytes_as_text(FILE *f) {
  char text[16] = {0};
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(22) escapes to heap
  void *p = malloc(22);
  memcpy(text, &p, sizeof p);
  fputs(text, f);
}
void from_pipe(int fd, void *p) {
  void **slot = NULL;
  read(fd, &slot, sizeof slot);
  *slot = p;
}
void read_back(int fd) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(23) escapes to heap
  from_pipe(fd, malloc(23));
}
// A string printed, a number printed: the buffer stays.
int report(int n) {
  // CHECK-DAG: io.c:[[@LINE+1]]:{{[0-9]+}}: malloc(64) does not escape
  char *line = malloc(64);
  int len = snprintf(line, 64, "n=%d", n);
  printf("%s (%d)\n", line, len);
  free(line);
  return len;
}
