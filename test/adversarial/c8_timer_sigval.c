// RUN: %adversarial %s
/* class 8 (control): POSIX timer with sigev_value.sival_ptr pointing at a context that the signal handler uses later; pattern: timer_create based timeouts. RT-LIBS: -lrt */
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
#include <time.h>
#include <unistd.h>
struct tctx { int fired; char name[20]; };
static volatile sig_atomic_t g_fired;
static int g_value;

static void on_timer(int sig, siginfo_t *si, void *uc) {
  (void)sig; (void)uc;
  struct tctx *c = si->si_value.sival_ptr;
  g_value = ++c->fired * 10 + c->name[0];
  g_fired = 1;
}

NOINLINE static void arm(timer_t *t) {
  struct tctx *c = ALLOC(sizeof *c);
  c->fired = 0;
  strcpy(c->name, "timeout");
  struct sigevent sev;
  memset(&sev, 0, sizeof sev);
  sev.sigev_notify = SIGEV_SIGNAL;
  sev.sigev_signo = SIGRTMIN;
  sev.sigev_value.sival_ptr = c;
  timer_create(CLOCK_MONOTONIC, &sev, t);
  struct itimerspec its = { { 0, 0 }, { 0, 20 * 1000 * 1000 } };
  timer_settime(*t, 0, &its, NULL);
}

int main(void) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_timer;
  sa.sa_flags = SA_SIGINFO;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGRTMIN, &sa, NULL);
  timer_t t;
  arm(&t);
  clobber();
  while (!g_fired) pause();
  printf("value=%d\n", g_value);
  return 0;
}
