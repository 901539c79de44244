// RUN: %adversarial %s
/* class 8 (control): job pointers handed to a consumer thread through a lock-free SPSC ring of uintptr_t (C11 atomics); pattern: thread pools / work queues. RT-FLAGS: -pthread */
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
#include <pthread.h>
#include <stdatomic.h>
#define RING 8
static _Atomic uintptr_t g_ring[RING];
static atomic_uint g_head, g_tail;

struct job { int id; int weight; char tag[16]; };

NOINLINE static void produce(int id) {
  struct job *j = ALLOC(sizeof *j);
  j->id = id; j->weight = id * 3;
  snprintf(j->tag, sizeof j->tag, "job%d", id);
  unsigned h = atomic_load(&g_head);
  while (h - atomic_load(&g_tail) == RING) ;
  atomic_store_explicit(&g_ring[h % RING], (uintptr_t)j, memory_order_relaxed);
  atomic_store_explicit(&g_head, h + 1, memory_order_release);
}

static void *consumer(void *arg) {
  long *sum = arg;
  for (int n = 0; n < 4; n++) {
    unsigned t = atomic_load(&g_tail);
    while (atomic_load_explicit(&g_head, memory_order_acquire) == t) ;
    struct job *j = (struct job *)atomic_load_explicit(&g_ring[t % RING], memory_order_relaxed);
    *sum += j->weight + j->tag[3];
#ifndef FORCE_STACK
    free(j);
#endif
    atomic_store(&g_tail, t + 1);
  }
  return NULL;
}

int main(void) {
  long sum = 0;
  pthread_t t;
  for (int i = 1; i <= 4; i++) produce(i);    /* the ring holds 8: no waiting here */
  clobber();
  pthread_create(&t, NULL, consumer, &sum);
  pthread_join(t, NULL);
  printf("sum=%ld\n", sum);
  return 0;
}
