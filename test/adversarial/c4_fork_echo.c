// RUN: %adversarial %s
/* class 4: the pointer goes to a forked child over one pipe and is echoed back over another; pattern: helper/broker processes that hand back opaque request ids */
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
#include <sys/wait.h>
#include <unistd.h>
static int g_to_child[2], g_from_child[2];

struct request { int id; char verb[20]; };

NOINLINE static void submit(int id) {
  struct request *r = ALLOC(sizeof *r);
  r->id = id;
  snprintf(r->verb, sizeof r->verb, "GET /%d", id);
  if (write(g_to_child[1], &r, sizeof r) != sizeof r) exit(1);
}

int main(void) {
  if (pipe(g_to_child) || pipe(g_from_child)) return 1;
  pid_t pid = fork();
  if (pid == 0) {                       /* broker: echo opaque ids back */
    close(g_to_child[1]); close(g_from_child[0]);
    void *id;
    while (read(g_to_child[0], &id, sizeof id) == sizeof id)
      if (write(g_from_child[1], &id, sizeof id) != sizeof id) _exit(1);
    _exit(0);
  }
  close(g_to_child[0]); close(g_from_child[1]);
  submit(21);
  clobber();
  struct request *r;
  if (read(g_from_child[0], &r, sizeof r) != sizeof r) return 1;
  close(g_to_child[1]);
  waitpid(pid, NULL, 0);
  printf("completed %d: %s\n", r->id, r->verb);
  return 0;
}
