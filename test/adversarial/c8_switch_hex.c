// RUN: %adversarial %s
/* class 8: pointer rendered as hex with a switch per nibble (phi of constants, no data flow) and parsed back; pattern: hand-written formatters in logging/serialization code */
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
char g_ref[24];

static char nibble(unsigned v) {
  switch (v) {
  case 0: return '0'; case 1: return '1'; case 2: return '2'; case 3: return '3';
  case 4: return '4'; case 5: return '5'; case 6: return '6'; case 7: return '7';
  case 8: return '8'; case 9: return '9'; case 10: return 'a'; case 11: return 'b';
  case 12: return 'c'; case 13: return 'd'; case 14: return 'e'; default: return 'f';
  }
}

struct account { long balance; char owner[20]; };

NOINLINE static void open_account(long initial) {
  struct account *a = ALLOC(sizeof *a);
  a->balance = initial;
  strcpy(a->owner, "alice");
  uint64_t x = (uintptr_t)a;
  for (int i = 15; i >= 0; i--) { g_ref[i] = nibble((unsigned)(x & 15)); x >>= 4; }
  g_ref[16] = 0;
}

int main(void) {
  open_account(250);
  clobber();
  struct account *a = (struct account *)(uintptr_t)strtoull(g_ref, NULL, 16);
  a->balance += 50;
  printf("%s: %ld\n", a->owner, a->balance);
  return 0;
}
