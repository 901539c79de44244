// RUN: %adversarial %s
/* class 3: store into a shared area mapped at a constant address (MAP_FIXED_NOREPLACE at 0x600000000000); pattern: embedded/shared-memory code using fixed-address structures */
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
#define _GNU_SOURCE
#include <sys/mman.h>
#ifndef MAP_FIXED_NOREPLACE
#define MAP_FIXED_NOREPLACE 0x100000
#endif
struct area { long count; void *slots[16]; };
#define AREA ((struct area *)0x600000000000ull)

struct rec { int key; char data[20]; };

NOINLINE static void publish(int key) {
  struct rec *r = ALLOC(sizeof *r);
  r->key = key;
  snprintf(r->data, sizeof r->data, "rec#%d", key);
  AREA->slots[AREA->count++] = r;
}

int main(void) {
  void *m = mmap((void *)AREA, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
  if (m != (void *)AREA) { puts("cannot map fixed area"); return 1; }
  publish(31);
  clobber();
  struct rec *r = AREA->slots[0];
  printf("count=%ld key=%d data=%s\n", AREA->count, r->key, r->data);
  return 0;
}
