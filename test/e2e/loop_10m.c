// Ten million allocations in a loop, on a thread with a 64 KiB stack: the
// moved allocation reuses one slot, so the stack does not grow.
// RUN: %e2e
// RUN: %moved | FileCheck %s
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

struct item { long key, value; };

static __attribute__((noinline)) long weigh(const struct item *it) {
  return it->key * 3 + it->value;
}

static void *run(void *arg) {
  long n = *(long *)arg, total = 0;
  for (long i = 0; i < n; i++) {
    // CHECK: loop_10m.c:[[@LINE+1]]:{{[0-9]+}}: malloc(16) does not escape
    struct item *it = malloc(sizeof *it);
    it->key = i;
    it->value = i & 7;
    total += weigh(it);
    free(it);
  }
  *(long *)arg = total;
  return NULL;
}

int main(void) {
  pthread_attr_t attr;
  pthread_t t;
  long n = 10 * 1000 * 1000;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 * 1024);
  if (pthread_create(&t, &attr, run, &n) != 0)
    return 1;
  pthread_join(t, NULL);
  printf("%ld\n", n);
  return 0;
}
