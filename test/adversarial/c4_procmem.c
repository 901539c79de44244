// RUN: %adversarial %s
/* class 4: pointer value written with pwrite into /proc/self/mem at the address of a global slot; pattern: debuggers/live-patching helpers poking their own memory */
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
#include <fcntl.h>
#include <unistd.h>
void *volatile g_slot;

struct patch { int ver; char desc[24]; };

NOINLINE static void apply_patch(int fd, int ver) {
  struct patch *p = ALLOC(sizeof *p);
  p->ver = ver;
  snprintf(p->desc, sizeof p->desc, "hotfix v%d", ver);
  if (pwrite(fd, &p, sizeof p, (off_t)(uintptr_t)&g_slot) != sizeof p) { puts("pwrite failed"); exit(1); }
}

int main(void) {
  int fd = open("/proc/self/mem", O_RDWR);
  if (fd < 0) { puts("no /proc/self/mem"); return 1; }
  apply_patch(fd, 3);
  close(fd);
  clobber();
  struct patch *p = g_slot;
  printf("ver=%d desc=%s\n", p->ver, p->desc);
  return 0;
}
