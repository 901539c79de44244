// RUN: %adversarial %s
/* class 15: a library hook replaced by the executable's, with clang's default -fPIC (dso_preemptable) (red team round 10) */
/* RT-SO: -O2
   The application overrides the library's log_hook (ELF interposition: the
   executable's definition wins over the shared library's) and keeps the
   messages, which the library says the hook owns. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lib_log(const char *what, int code);

static char *kept[4];
static int nkept;
void log_hook(char *msg) { if (nkept < 4) kept[nkept++] = msg; }

__attribute__((noinline)) int clobber(int x) {
  volatile char big[4096];
  for (int i = 0; i < 4096; i++) big[i] = (char)(x + i);
  return big[x & 4095];
}

int main(void) {
  int n = lib_log("alpha", 1);
  n += lib_log("beta", 22);
  clobber(7);
  for (int i = 0; i < nkept; i++) printf("%s\n", kept[i]);
  printf("n=%d\n", n);
  return 0;
}
