// RUN: %adversarial %s
/* class 6: event cascade, emit() calls registered listeners through a table and a listener emits the next event; the listener keeps a 3900-byte event record; pattern: observer/event-emitter systems. RT-FLAGS: -pthread */
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
#ifndef THREAD_STACK
#define THREAD_STACK (4u << 20)
#endif
/* run fn on a thread with THREAD_STACK bytes of stack and a large guard region */
static int run_on_thread(void *(*fn)(void *), void *arg) {
  pthread_attr_t a; pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, THREAD_STACK);
  pthread_attr_setguardsize(&a, 1u << 20);
  if (pthread_create(&t, &a, fn, arg)) return 1;
  pthread_join(t, NULL);
  pthread_attr_destroy(&a);
  return 0;
}
struct event { int type; int hops; char payload[3880]; long stamp; };
typedef void (*listener_fn)(int type, int hops);
static listener_fn g_listeners[4];
static int g_nlisteners;
static long g_delivered, g_sum;

static void emit(int type, int hops) {
  for (int i = 0; i < g_nlisteners; i++) g_listeners[i](type, hops);
}

static void on_change(int type, int hops) {
  struct event *e = ALLOC(sizeof *e);
  e->type = type; e->hops = hops; e->stamp = g_delivered++;
  int n = snprintf(e->payload, sizeof e->payload, "change %d/%d", type, hops);
  g_sum += n + e->payload[0];
  if (hops > 0) emit(type, hops - 1);           /* derived property changed too */
  g_sum += e->stamp & 1;
  FREE(e);
}
static void on_count(int type, int hops) { (void)type; (void)hops; g_sum++; }

static void *job(void *arg) {
  g_listeners[g_nlisteners++] = on_count;
  g_listeners[g_nlisteners++] = on_change;
  emit(1, *(int *)arg);
  printf("delivered=%ld sum=%ld\n", g_delivered, g_sum);
  return NULL;
}

int main(void) {
  int hops = 3000;
  return run_on_thread(job, &hops);
}
