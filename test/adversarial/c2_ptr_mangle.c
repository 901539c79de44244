// RUN: %adversarial %s
/* class 2: pointer mangled like glibc PTR_MANGLE (xor with a secret, rotate left 17 via __builtin_rotateleft64); pattern: hardened callback/handle storage */
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
static uint64_t g_guard = 0x5a17c3e9b2d48f61ull;
uint64_t g_saved_ctx;

struct ctx { int depth; char who[20]; };

static inline uint64_t mangle(void *p) { return __builtin_rotateleft64((uint64_t)(uintptr_t)p ^ g_guard, 17); }
static inline void *demangle(uint64_t v) { return (void *)(uintptr_t)(__builtin_rotateright64(v, 17) ^ g_guard); }

NOINLINE static void save_ctx(int d) {
  struct ctx *c = ALLOC(sizeof *c);
  c->depth = d;
  snprintf(c->who, sizeof c->who, "handler-%d", d);
  g_saved_ctx = mangle(c);
}

int main(void) {
  save_ctx(2);
  clobber();
  struct ctx *c = demangle(g_saved_ctx);
  printf("depth=%d who=%s\n", c->depth, c->who);
  return 0;
}
