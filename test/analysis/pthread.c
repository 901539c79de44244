// RUN: %verdicts
#include <pthread.h>
#include <stdlib.h>
void *worker(void *arg);
int spawn(void) {
  pthread_t t;
  // CHECK: pthread.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) escapes to heap: passed to unknown function pthread_create
  int *p = malloc(16);
  *p = 1;
  return pthread_create(&t, 0, worker, p);
}
