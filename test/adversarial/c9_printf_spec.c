// RUN: %adversarial %s
/* class 9: an AST module renders expressions with snprintf("%E") where %E is a GNU printf extension registered in another file (Inputs/c9_printf_spec_b.c, register_printf_specifier); the %E handler calls back into expr_to_string, so expr_to_string -> snprintf -> handler -> expr_to_string recurses once per tree level, but the plugin treats snprintf in this module as never calling back and moves the 4 KiB scratch buffer into every level; 700-deep expression on a 4 MiB worker thread; pattern: custom printf conversions for compiler/debugger data structures (glibc printf.h) RT-FLAGS: -pthread -Wno-format RT-LTO */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#ifndef THREAD_STACK
#define THREAD_STACK (4u << 20)
#endif
#ifndef DEPTH
#define DEPTH 700
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

struct expr { char op; int val; struct expr *l, *r; };
void expr_printf_init(void);            /* Inputs/c9_printf_spec_b.c: installs %E */

/* render a node as a fresh string; subexpressions go through %E */
char *expr_to_string(const struct expr *e) {
  char *buf = ALLOC(4096);
  if (!e->op) snprintf(buf, 4096, "%d", e->val);
  else snprintf(buf, 4096, "(%E %c %E)", e->l, e->op, e->r);
  char *s = strdup(buf);
  FREE(buf);
  return s;
}

static void *job(void *arg) {
  int depth = *(int *)arg;
  static struct expr one = { 0, 1, 0, 0 };
  struct expr *t = &one;
  for (int i = 0; i < depth; i++) {
    struct expr *n = malloc(sizeof *n);
    n->op = "+-*"[i % 3]; n->val = 0; n->l = t; n->r = &one; t = n;
  }
  char *s = expr_to_string(t);
  size_t len = strlen(s);
  unsigned long h = 5381;
  for (size_t i = 0; i < len; i++) h = h * 33 + (unsigned char)s[i];
  printf("%zu chars, hash %lx, tail %s\n", len, h, s + len - 24);
  free(s);
  return NULL;
}

int main(void) {
  int depth = DEPTH;
  expr_printf_init();
  return run_on_thread(job, &depth);
}
