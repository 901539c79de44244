// 2 KiB per level, 20000 levels deep, on an 8 MiB thread stack: as stack
// memory this would need 40 MiB. Recursive functions keep their heap
// allocations, so it still runs.
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static long descend(int depth) {
  // CHECK: recursion.c:[[@LINE+1]]:{{[0-9]+}}: malloc(2048) escapes to heap: function is recursive
  char *frame = malloc(2048);
  memset(frame, depth & 0xff, 2048);
  long r = frame[depth % 2048] + (depth ? descend(depth - 1) : 0);
  free(frame);
  return r;
}

static void *run(void *arg) {
  *(long *)arg = descend((int)*(long *)arg);
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t t;
  long depth = 20000;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 8 << 20);
  if (pthread_create(&t, &attr, run, &depth) != 0)
    return 1;
  pthread_join(t, NULL);
  printf("%ld\n", depth);
  return 0;
}
