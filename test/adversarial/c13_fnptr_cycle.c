// RUN: %adversarial %s
/* class 13: run-time sizes bounded by a compare (red team round 8, against the first build that gives them a slot of the bound) */
/* recursion through a function pointer kept in a static ops table; every frame of the
   cycle would keep a 4000-byte bounded slot (3000 frames = 12 MB of stack). */
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <stdint.h>
#ifdef FORCE_STACK
#define ALLOC(var, sz, claimed) char var##_buf[claimed]; char *var = var##_buf
#define FREE(var) ((void)0)
#else
#define ALLOC(var, sz, claimed) char *var = malloc(sz)
#define FREE(var) free(var)
#endif
static volatile size_t in_sz[8];
static long sum(const char *p, size_t n){ long s = 0; for (size_t i = 0; i < n; i++) s += p[i]; return s; }
struct ops { long (*step)(size_t, int); };
static long walk(size_t n, int d);
static const struct ops tab = { walk };
static const struct ops *volatile opsp = &tab;
static long walk(size_t n, int d){
  long t = 0;
  if (n <= 4000) {
    ALLOC(p, n, 4000);
    memset(p, 1, n);
    if (d) t += opsp->step(n, d - 1);
    t += p[n - 1];
    FREE(p);
  }
  return t;
}
int main(void){ in_sz[0] = 4000; printf("%ld\n", walk(in_sz[0], 3000)); return 0; }
