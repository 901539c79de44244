// RUN: %adversarial %s
/* class 4 (control): pointer stored into one MAP_SHARED mapping of a memfd and read back through a second mapping of the same file; pattern: shared-memory rings seen at two addresses */
#define _GNU_SOURCE
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
#include <sys/mman.h>
#include <unistd.h>
struct msg { int seq; char text[20]; };

NOINLINE static void post(void **slot, int seq) {
  struct msg *m = ALLOC(sizeof *m);
  m->seq = seq;
  snprintf(m->text, sizeof m->text, "message %d", seq);
  *slot = m;
}

int main(void) {
  int fd = memfd_create("ring", 0);
  if (fd < 0 || ftruncate(fd, 4096)) return 1;
  void **a = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  void **b = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  if (a == MAP_FAILED || b == MAP_FAILED) return 1;
  post(&a[3], 14);
  clobber();
  struct msg *m = b[3];
  printf("seq=%d text=%s\n", m->seq, m->text);
  return 0;
}
