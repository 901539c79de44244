// RUN: %adversarial %s
/* class 11: allocation wrappers (red team round 6, against the first build that inlines them) */
/* RT-LTO RT-FLAGS: -pthread */
/* xmalloc in another file remembers the last block it handed out in a
   thread-local (for an error reporter that prints "last allocation"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void *xmalloc(size_t n);
void xfree(void *p);
const char *last_allocation(void);

__attribute__((noinline)) int format_err(int code) {
#ifdef FORCE_STACK
  char buf[48]; char *m = buf; extern void set_last(void *); set_last(m);
#else
  char *m = xmalloc(48);
#endif
  snprintf(m, 48, "error %d: disk full", code);
  int n = (int)strlen(m);
  return n;   /* leaks on purpose: "last allocation" keeps it reachable */
}

int main(void) {
  int n = format_err(28);
  char junk[512]; memset(junk, 'Q', sizeof junk); __asm__ volatile("" :: "r"(junk) : "memory");
  printf("n=%d last=[%s]\n", n, last_allocation());
  return 0;
}
