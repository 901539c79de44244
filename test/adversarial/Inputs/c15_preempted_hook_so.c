/* A small logging library: it formats a message and hands it to a hook.
   The hook owns the message.  The default hook just counts messages; the
   application may define its own hook to keep them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lib_nmsgs;

__attribute__((noinline)) void log_hook(char *msg) { lib_nmsgs += (int)strlen(msg); }

int lib_log(const char *what, int code) {
#ifdef FORCE_STACK
  char buf[48];
  char *m = buf;
#else
  char *m = malloc(48);
  if (!m) return -1;
#endif
  snprintf(m, 48, "%s=%d", what, code);
  log_hook(m);
  return (int)strlen(m);
}
