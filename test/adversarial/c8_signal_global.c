// RUN: %adversarial %s
/* class 8 (control): a signal handler reads an object through a volatile global pointer; pattern: SIGHUP/SIGUSR1 status dumps */
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
#include <signal.h>
struct status { long served; char state[16]; };
static struct status *volatile g_status;
static volatile sig_atomic_t g_seen;
static long g_dump;

static void on_usr1(int sig) { (void)sig; g_dump = g_status->served + g_status->state[0]; g_seen = 1; }

NOINLINE static void init_status(void) {
  struct status *s = ALLOC(sizeof *s);
  s->served = 41;
  strcpy(s->state, "running");
  g_status = s;
}

int main(void) {
  signal(SIGUSR1, on_usr1);
  init_status();
  clobber();
  raise(SIGUSR1);
  printf("seen=%d dump=%ld\n", (int)g_seen, g_dump);
  return 0;
}
