// RUN: %adversarial %s
/* class 9: recursive-descent parser that reports every node to a trace hook kept in a static function pointer (overridable in debug builds, never reassigned here); the plugin moves the default hook's 900-byte message buffer, then GlobalOpt folds the never-written pointer into a direct call and the inliner puts the hook and its buffer into the recursive parse_expr; 20000-deep nested input on an 8 MiB thread; pattern: logging/tracing hooks in parsers and interpreters RT-FLAGS: -pthread */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <pthread.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#ifndef THREAD_STACK
#define THREAD_STACK (8u << 20)
#endif
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

struct parser { const char *p; int depth, maxdepth; unsigned long trace_hash; long events; };

/* default trace sink: format the event and fold it into a running digest */
static void default_trace(struct parser *ps, const char *what, long value) {
  char *msg = ALLOC(900);
  int n = snprintf(msg, 900, "[depth %5d] %-8s %ld at offset %ld", ps->depth, what, value, (long)0);
  for (int i = 0; i < n; i++) ps->trace_hash = (ps->trace_hash ^ (unsigned char)msg[i]) * 1099511628211ul;
  ps->events++;
  FREE(msg);
}
typedef void (*trace_fn)(struct parser *, const char *, long);
static trace_fn trace_hook = default_trace;      /* a debug build installs its own */
#ifdef PARSER_DEBUG
void parser_set_trace(trace_fn f) { trace_hook = f; }
#endif

/* expr := number | '(' expr ('+' expr)* ')' */
static long parse_expr(struct parser *ps) {
  long v = 0;
  if (*ps->p == '(') {
    ps->p++;
    if (++ps->depth > ps->maxdepth) ps->maxdepth = ps->depth;
    v = parse_expr(ps);
    while (*ps->p == '+') { ps->p++; v += parse_expr(ps); }
    if (*ps->p == ')') ps->p++;
    ps->depth--;
    trace_hook(ps, "group", v);
  } else {
    while (*ps->p >= '0' && *ps->p <= '9') v = v * 10 + (*ps->p++ - '0');
    trace_hook(ps, "number", v);
  }
  return v;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  char *text = malloc((size_t)depth * 4 + 8), *q = text;
  for (int i = 0; i < depth; i++) *q++ = '(';
  *q++ = '1';
  for (int i = 0; i < depth; i++) { *q++ = '+'; *q++ = '2'; *q++ = ')'; }
  *q = 0;
  struct parser ps = { text, 0, 0, 1469598103934665603ul, 0 };
  long v = parse_expr(&ps);
  printf("value %ld, max depth %d, %ld trace events, digest %016lx\n", v, ps.maxdepth, ps.events, ps.trace_hash);
  free(text);
  return NULL;
}

int main(void) {
  int depth = 20000;
  return run_on_thread(job, &depth);
}
