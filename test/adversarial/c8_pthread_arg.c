// RUN: %adversarial %s
/* class 8 (control): a detached worker thread receives its argument struct from pthread_create and uses it after the creator returned; pattern: fire-and-forget worker threads. RT-FLAGS: -pthread */
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
#include <semaphore.h>
struct work { int id; char name[20]; };
static sem_t g_started, g_go, g_done;
static long g_result;

static void *worker(void *arg) {
  struct work *w = arg;
  sem_post(&g_started);
  sem_wait(&g_go);
  g_result = w->id * 100 + w->name[0];
  sem_post(&g_done);
  return NULL;
}

NOINLINE static void spawn(int id) {
  struct work *w = ALLOC(sizeof *w);
  w->id = id;
  snprintf(w->name, sizeof w->name, "w%d", id);
  pthread_t t;
  pthread_create(&t, NULL, worker, w);
  pthread_detach(t);
  sem_wait(&g_started);
}

int main(void) {
  sem_init(&g_started, 0, 0); sem_init(&g_go, 0, 0); sem_init(&g_done, 0, 0);
  spawn(3);
  clobber();
  sem_post(&g_go);
  sem_wait(&g_done);
  printf("result=%ld\n", g_result);
  return 0;
}
