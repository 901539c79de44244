// RUN: %adversarial %s
/* class 2: pointer carried in a long double (x87 80-bit, exact for 64-bit integers); pattern: a calculator/bc-style VM whose only value type is long double */
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
long double g_acc[4];

struct matrix { int rows, cols; double cells[9]; };

NOINLINE static void calc_new_matrix(int slot) {
  struct matrix *m = ALLOC(sizeof *m);
  m->rows = m->cols = 3;
  for (int i = 0; i < 9; i++) m->cells[i] = i + 0.5;
  g_acc[slot] = (long double)(uintptr_t)m;
}

int main(void) {
  calc_new_matrix(0);
  clobber();
  struct matrix *m = (struct matrix *)(uintptr_t)g_acc[0];
  double tr = m->cells[0] + m->cells[4] + m->cells[8];
  printf("%dx%d trace=%.1f\n", m->rows, m->cols, tr);
  return 0;
}
