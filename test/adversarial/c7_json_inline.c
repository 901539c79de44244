// RUN: %adversarial %s
/* class 7: small static helpers (string unescape with a 1000-byte scratch, number token with 512) are moved, then inlined into the mutually recursive parse_value/parse_array; pattern: recursive-descent JSON parser on deeply nested input. RT-FLAGS: -pthread */
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
#define THREAD_STACK (2u << 20)   /* parser worker thread: 2 MiB */
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
struct parser { const char *s; size_t pos; long strings, numbers, arrays, checksum; };
static int parse_value(struct parser *p);

static int parse_string(struct parser *p) {
  char *buf = ALLOC(1000);                 /* unescaped copy of the string */
  size_t n = 0;
  p->pos++;                                /* opening quote */
  while (p->s[p->pos] != '"' && n < 999) {
    char c = p->s[p->pos++];
    if (c == '\\') c = p->s[p->pos++] == 'n' ? '\n' : p->s[p->pos - 1];
    buf[n++] = c;
  }
  buf[n] = 0;
  p->pos++;                                /* closing quote */
  p->strings++;
  p->checksum += (long)n * 7 + buf[0];
  FREE(buf);
  return 0;
}

static int parse_number(struct parser *p) {
  char *tok = ALLOC(512);
  size_t n = 0;
  while ((p->s[p->pos] >= '0' && p->s[p->pos] <= '9') || p->s[p->pos] == '-' || p->s[p->pos] == '.') tok[n++] = p->s[p->pos++];
  tok[n] = 0;
  p->numbers++;
  p->checksum += (long)strtod(tok, NULL);
  FREE(tok);
  return 0;
}

static int parse_array(struct parser *p) {
  p->pos++;                                /* [ */
  p->arrays++;
  while (p->s[p->pos] != ']') {
    if (parse_value(p)) return 1;
    if (p->s[p->pos] == ',') p->pos++;
  }
  p->pos++;
  return 0;
}

static int parse_value(struct parser *p) {
  char c = p->s[p->pos];
  if (c == '[') return parse_array(p);
  if (c == '"') return parse_string(p);
  if ((c >= '0' && c <= '9') || c == '-') return parse_number(p);
  return 1;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  /* ["s",1,["s",1,[ ... ]]] */
  char *doc = malloc((size_t)depth * 8 + 16);
  size_t n = 0;
  for (int i = 0; i < depth; i++) { memcpy(doc + n, "[\"s\",1,", 7); n += 7; }
  doc[n++] = '0';
  for (int i = 0; i < depth; i++) doc[n++] = ']';
  doc[n] = 0;
  struct parser p = { doc, 0, 0, 0, 0, 0 };
  int err = parse_value(&p);
  printf("err=%d arrays=%ld strings=%ld numbers=%ld checksum=%ld\n", err, p.arrays, p.strings, p.numbers, p.checksum);
  free(doc);
  return NULL;
}

int main(void) {
  int depth = 4000;                         /* nesting depth of the document */
  return run_on_thread(job, &depth);
}
