// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* RT-LTO
 * Recursion through a libc callback (qsort -> cmp -> walk -> qsort).
 * walk's malloc(n) is bounded by n <= 4000; each frame of the cycle would
 * hold a 4000-byte slot, 3000 frames deep => ~12 MB of stack. */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
static int cmp(const void*a,const void*b);
static int depth;
static long total;
static __attribute__((noinline)) void walk(size_t n){
  if (n <= 4000) {
#ifdef FORCE_STACK
    char buf[4000]; char *p = buf;
#else
    char *p = malloc(n);
#endif
    memset(p, 1, n);
    int arr[2] = {depth, 1};
    qsort(arr, 2, sizeof(int), cmp);
    total += p[n-1];
#ifndef FORCE_STACK
    free(p);
#endif
  }
}
static int cmp(const void*a,const void*b){ if (depth-- > 0) walk(4000); return *(const int*)a - *(const int*)b; }
int main(int argc, char**argv){ (void)argv; depth = 3000; walk(4000 - argc + 1); printf("%ld\n", total); return 0; }
