// RUN: %adversarial %s
/* class 6 (control): recursion visible in the direct call graph (parse_expr -> parse_term -> parse_factor -> parse_expr), parse_factor keeps a 3000-byte token buffer; pattern: recursive-descent expression parsers. RT-FLAGS: -pthread */
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
struct lexer { const char *s; int pos; };
static long parse_expr(struct lexer *lx);

static long parse_factor(struct lexer *lx) {
  char *tok = ALLOC(3000);
  long v;
  if (lx->s[lx->pos] == '(') {
    lx->pos++;
    v = parse_expr(lx);
    lx->pos++;                       /* ')' */
    tok[0] = ')'; tok[1] = 0;
  } else {
    int n = 0;
    while (lx->s[lx->pos] >= '0' && lx->s[lx->pos] <= '9') tok[n++] = lx->s[lx->pos++];
    tok[n] = 0;
    v = strtol(tok, NULL, 10);
  }
  v += tok[0] == ')';
  FREE(tok);
  return v;
}
static long parse_term(struct lexer *lx) {
  long v = parse_factor(lx);
  while (lx->s[lx->pos] == '*') { lx->pos++; v *= parse_factor(lx); }
  return v;
}
static long parse_expr(struct lexer *lx) {
  long v = parse_term(lx);
  while (lx->s[lx->pos] == '+') { lx->pos++; v += parse_term(lx); }
  return v;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  char *src = malloc((size_t)depth * 4 + 8);
  int n = 0;
  for (int i = 0; i < depth; i++) { src[n++] = '('; src[n++] = '1'; src[n++] = '+'; }
  src[n++] = '1';
  for (int i = 0; i < depth; i++) src[n++] = ')';
  src[n] = 0;
  struct lexer lx = { src, 0 };
  printf("value=%ld\n", parse_expr(&lx));
  free(src);
  return NULL;
}

int main(void) {
  int depth = 3000;
  return run_on_thread(job, &depth);
}
