// RUN: %adversarial %s
/* class 2: fat pointer (address + length) packed in an unsigned __int128; pattern: capability/fat-pointer representations, 128-bit atomic slots */
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
typedef unsigned __int128 fatptr;
fatptr g_slot;

static inline fatptr fat_make(void *p, uint64_t len) { return ((fatptr)len << 64) | (uintptr_t)p; }
static inline void *fat_ptr(fatptr f) { return (void *)(uintptr_t)(uint64_t)f; }
static inline uint64_t fat_len(fatptr f) { return (uint64_t)(f >> 64); }

NOINLINE static void publish_buffer(void) {
  char *b = ALLOC(48);
  for (int i = 0; i < 47; i++) b[i] = 'a' + i % 26;
  b[47] = 0;
  g_slot = fat_make(b, 47);
}

int main(void) {
  publish_buffer();
  clobber();
  char *b = fat_ptr(g_slot);
  printf("len=%llu tail=%s\n", (unsigned long long)fat_len(g_slot), b + 40);
  return 0;
}
