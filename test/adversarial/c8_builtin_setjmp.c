// RUN: %adversarial %s
/* class 8: a retry loop built on the project's GCC-style TRY/THROW macros (__builtin_setjmp/__builtin_longjmp, as Ruby and other interpreters use for cheap non-local exits); every attempt logs its parameters in malloc(strlen(task) + 40) kept in a calloc'd log for the final report; the plugin does not see __builtin_setjmp as setjmp-like and the site is in no CFG loop, so all attempts get the same 64-byte entry-block buffer and the report shows the last attempt three times; pattern: retry-with-backoff around code that throws via longjmp */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef FORCE_STACK /* what a wrong rewrite does: one 64-byte frame buffer for small sizes, never freed */
#define ALLOC_SMALL(n) ((n) <= 64 ? (void *)(union { char c_[64]; long double a_; }){ { 0 } }.c_ : malloc(n))
#define FREE_SMALL(p) ((void)(p))
#else
#define ALLOC_SMALL(n) malloc(n)
#define FREE_SMALL(p) free(p)
#endif

/* cheap exceptions: the builtins save only fp, sp and the resume address */
typedef void *jmpbuf_t[5];
static jmpbuf_t *cur_handler;
#define TRY(buf) (cur_handler = &(buf), __builtin_setjmp(buf))
__attribute__((noinline)) static void THROW(void) { __builtin_longjmp(*cur_handler, 1); }

static int budget_for(int attempt) { return 100 << attempt; }

/* the work: needs a budget of at least 400, throws otherwise */
__attribute__((noinline)) static long do_work(const char *task, int budget) {
  long h = 0;
  for (const char *p = task; *p; p++) h = h * 31 + *p;
  if (budget < 400) THROW();
  return h % 100000;
}

#define MAX_ATTEMPTS 4
/* runs the task, retrying with a larger budget; writes the attempt log to out */
static long run_with_retries(const char *task, char *out, size_t cap) {
  static jmpbuf_t jb;
  char **log = calloc(MAX_ATTEMPTS, sizeof *log);   /* set before TRY: survives the longjmp */
  volatile int attempt = 0;
  if (TRY(jb)) {                  /* do_work threw: try again with more budget */
    attempt = attempt + 1;
    if (attempt == MAX_ATTEMPTS) { snprintf(out, cap, "giving up\n"); free(log); return -1; }
  }
  size_t len = strlen(task) + 40;
  char *msg = ALLOC_SMALL(len);
  snprintf(msg, len, "attempt %d: %s, budget %d", attempt, task, budget_for(attempt));
  log[attempt] = msg;
  long r = do_work(task, budget_for(attempt));
  size_t used = 0;
  for (int i = 0; i <= attempt; i++) {
    used += snprintf(out + used, cap - used, "%s\n", log[i]);
    FREE_SMALL(log[i]);
  }
  free(log);
  return r;
}

int main(void) {
  char report[512];
  long r = run_with_retries("index", report, sizeof report);
  fputs(report, stdout);
  printf("result %ld\n", r);
  return r < 0;
}
