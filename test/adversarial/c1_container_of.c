// RUN: %adversarial %s
/* class 1: container_of with a negative offset in a callee turns a member pointer back into the object, which is then published; pattern: intrusive lists / Linux-style container_of */
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
#include <stddef.h>
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))
struct list_head { struct list_head *next, *prev; };
struct conn { int fd; char peer[24]; int refs; struct list_head link; long bytes; };

static struct conn *conn_of(struct list_head *l) { return container_of(l, struct conn, link); }

struct conn *g_current;  /* "current connection" for the logger */

static void conn_activate(struct list_head *l) {
  struct conn *c = conn_of(l);
  c->refs++;
  g_current = c;
}

NOINLINE static void accept_one(int fd) {
  struct conn *c = ALLOC(sizeof *c);
  c->fd = fd; c->refs = 0; c->bytes = 1234;
  snprintf(c->peer, sizeof c->peer, "10.0.0.%d:80", fd);
  c->link.next = c->link.prev = &c->link;
  conn_activate(&c->link);    /* only the member pointer is passed */
}

int main(void) {
  accept_one(7);
  clobber();
  printf("fd=%d peer=%s refs=%d bytes=%ld\n", g_current->fd, g_current->peer, g_current->refs, g_current->bytes);
  return 0;
}
