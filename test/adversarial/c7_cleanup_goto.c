// RUN: %adversarial %s
/* class 7: goto-out cleanup helpers (free of a phi of NULL and the buffer) are moved and inlined, three nesting levels of six helpers each, on a 64 KiB worker thread; pattern: C error-handling style "char *tmp = NULL; ... goto out; out: free(tmp);". RT-FLAGS: -pthread RT-TEETHFLAGS: -mllvm -no-stack-coloring */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
#ifndef THREAD_STACK
#define THREAD_STACK (64u << 10)   /* worker threads get 64 KiB */
#endif
#include <pthread.h>
#ifndef THREAD_STACK
#define THREAD_STACK (4u << 20)
#endif
/* run fn on a thread with THREAD_STACK bytes of stack and a large guard region */
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
#define TMP 4000
struct req { const char *in; size_t len; unsigned long digest; int steps; };
static void mixin(struct req *r, const char *b, size_t n) {
  for (size_t i = 0; i < n; i++) r->digest = (r->digest ^ (unsigned char)b[i]) * 1099511628211ul;
  r->steps++;
}

static int decode_headers(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 1);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int check_auth(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 2);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int load_session(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 3);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int parse_query(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 4);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int read_body(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 5);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int apply_filters(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 6);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int render_header(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 7);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int render_rows(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 8);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int render_footer(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 9);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int compress_body(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 10);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int sign_body(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 11);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int etag_body(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 12);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_time(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 13);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_peer(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 14);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_path(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 15);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_status(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 16);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_agent(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 17);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int fmt_line(struct req *r) {
  int rc = -1;
  char *tmp = NULL;
  if (r->len == 0) goto out;
  tmp = ALLOC(TMP);
  size_t n = r->len < TMP ? r->len : TMP;
  for (size_t i = 0; i < n; i++) tmp[i] = (char)(r->in[i] + 18);
  if (tmp[0] == 0) goto out;
  mixin(r, tmp, n);
  rc = 0;
out:
  FREE(tmp);
  return rc;
}
static int write_log(struct req *r) {
  int rc = 0;
  rc |= fmt_time(r);
  rc |= fmt_peer(r);
  rc |= fmt_path(r);
  rc |= fmt_status(r);
  rc |= fmt_agent(r);
  rc |= fmt_line(r);
  return rc;
}
static int build_response(struct req *r) {
  int rc = 0;
  rc |= render_header(r);
  rc |= render_rows(r);
  rc |= render_footer(r);
  rc |= write_log(r);
  rc |= compress_body(r);
  rc |= sign_body(r);
  rc |= etag_body(r);
  return rc;
}
static int handle_request(struct req *r) {
  int rc = 0;
  rc |= decode_headers(r);
  rc |= check_auth(r);
  rc |= load_session(r);
  rc |= build_response(r);
  rc |= parse_query(r);
  rc |= read_body(r);
  rc |= apply_filters(r);
  return rc;
}

static void *worker(void *arg) {
  struct req r = { arg, strlen(arg), 1469598103934665603ul, 0 };
  int rc = handle_request(&r);
  printf("rc=%d steps=%d digest=%016lx\n", rc, r.steps, r.digest);
  return NULL;
}

int main(void) {
  static char in[3000];
  for (int i = 0; i < (int)sizeof in - 1; i++) in[i] = (char)('a' + i % 26);
  return run_on_thread(worker, in);
}
