// RUN: %adversarial %s
/* class 2: pointer converted to a double value ((double)(uintptr_t)p, exact below 2^53) and back; pattern: scripting engines that expose handles to scripts as plain numbers */
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
double g_registers[8];      /* the script VM only has numeric registers */

struct file_obj { int fd; long pos; char name[24]; };

NOINLINE static void script_open(int reg, const char *name) {
  struct file_obj *f = ALLOC(sizeof *f);
  f->fd = 3; f->pos = 0;
  snprintf(f->name, sizeof f->name, "%s", name);
  g_registers[reg] = (double)(uintptr_t)f;   /* handle as a number */
}

static struct file_obj *script_handle(int reg) {
  return (struct file_obj *)(uintptr_t)g_registers[reg];
}

int main(void) {
  script_open(1, "data.csv");
  clobber();
  struct file_obj *f = script_handle(1);
  f->pos += 100;
  printf("fd=%d pos=%ld name=%s\n", f->fd, f->pos, f->name);
  return 0;
}
