// RUN: %adversarial %s
/* class 2: pointer formatted as hex by arithmetic into a local buffer, strcpy-ed into a global message, parsed back by arithmetic; pattern: building log/protocol lines with strcpy/strcat */
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
char g_line[64];

struct peer { int port; char name[20]; };

static void hex16(char *out, uint64_t v) {
  for (int i = 15; i >= 0; i--) { unsigned d = (unsigned)(v & 15); out[i] = (char)(d < 10 ? '0' + d : 'a' + d - 10); v >>= 4; }
  out[16] = 0;
}
static uint64_t unhex(const char *s) {
  uint64_t v = 0;
  for (; *s; s++) v = v * 16 + (uint64_t)(*s <= '9' ? *s - '0' : *s - 'a' + 10);
  return v;
}

NOINLINE static void connect_peer(int port) {
  struct peer *p = ALLOC(sizeof *p);
  p->port = port;
  snprintf(p->name, sizeof p->name, "peer:%d", port);
  char tmp[17];
  hex16(tmp, (uintptr_t)p);
  strcpy(g_line, "PEER ");
  strcat(g_line, tmp);
}

int main(void) {
  connect_peer(4242);
  clobber();
  struct peer *p = (struct peer *)(uintptr_t)unhex(g_line + 5);
  printf("%s port=%d\n", p->name, p->port);
  return 0;
}
