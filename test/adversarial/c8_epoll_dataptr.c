// RUN: %adversarial %s
/* class 8 (control): connection object registered with epoll through epoll_event.data.ptr and handed back by epoll_wait; pattern: epoll event loops */
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
#include <sys/epoll.h>
#include <unistd.h>
struct conn { int fd; long bytes; char peer[20]; };

NOINLINE static void add_conn(int ep, int fd) {
  struct conn *c = ALLOC(sizeof *c);
  c->fd = fd; c->bytes = 0;
  strcpy(c->peer, "127.0.0.1:9000");
  struct epoll_event ev = { .events = EPOLLIN, .data.ptr = c };
  epoll_ctl(ep, EPOLL_CTL_ADD, fd, &ev);
}

int main(void) {
  int p[2];
  if (pipe(p)) return 1;
  int ep = epoll_create1(0);
  add_conn(ep, p[0]);
  clobber();
  if (write(p[1], "hello", 5) != 5) return 1;
  struct epoll_event ev;
  if (epoll_wait(ep, &ev, 1, 1000) != 1) return 1;
  struct conn *c = ev.data.ptr;
  char buf[16];
  c->bytes += read(c->fd, buf, sizeof buf);
  printf("peer=%s bytes=%ld\n", c->peer, c->bytes);
  return 0;
}
