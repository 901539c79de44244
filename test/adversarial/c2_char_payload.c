// RUN: %adversarial %s
/* class 2: pointer hidden at an unaligned offset in a char array (memcpy), the array lives in a global ring of messages; pattern: in-process message queues with byte payloads */
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
struct msg { unsigned char len; char body[31]; };
struct msg g_ring[4];
int g_head;

struct task { int prio; char name[20]; };

NOINLINE static void enqueue_task(int prio) {
  struct task *t = ALLOC(sizeof *t);
  t->prio = prio;
  snprintf(t->name, sizeof t->name, "task-p%d", prio);
  struct msg m;
  memset(&m, 0, sizeof m);
  m.len = 3 + sizeof t;
  memcpy(m.body, "TSK", 3);
  memcpy(m.body + 3, &t, sizeof t);      /* unaligned */
  g_ring[g_head++ & 3] = m;
}

int main(void) {
  enqueue_task(5);
  clobber();
  struct msg *m = &g_ring[0];
  struct task *t;
  memcpy(&t, m->body + 3, sizeof t);
  printf("%.3s prio=%d name=%s\n", m->body, t->prio, t->name);
  return 0;
}
