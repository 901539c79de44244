// RUN: %adversarial %s
/* class 6: AST visitor whose visit_block/visit_stmt recurse only through function pointers in an ops struct; visit_block keeps a 3800-byte scope table; pattern: compiler front-end visitors. RT-FLAGS: -pthread */
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
struct ast { int kind; int value; struct ast *body; struct ast *next; };   /* kind 0 = stmt, 1 = block */
struct visitor;
struct visitor_ops { void (*block)(struct visitor *, struct ast *); void (*stmt)(struct visitor *, struct ast *); };
struct visitor { const struct visitor_ops *ops; long stmts, blocks, checksum; };
struct scope { int nsyms; int syms[940]; int parent_depth; };          /* 3768 bytes */

static void visit_stmt(struct visitor *v, struct ast *s) {
  if (s->kind == 1) { v->ops->block(v, s); return; }
  v->stmts++;
  v->checksum += s->value;
}
static void visit_block(struct visitor *v, struct ast *b) {
  struct scope *sc = ALLOC(sizeof *sc);
  sc->nsyms = 0;
  sc->parent_depth = (int)v->blocks++;
  for (struct ast *s = b->body; s; s = s->next) {
    if (sc->nsyms < 940) sc->syms[sc->nsyms++] = s->value;
    v->ops->stmt(v, s);
  }
  v->checksum += sc->nsyms * 3 + sc->parent_depth;
  FREE(sc);
}
static const struct visitor_ops g_ops = { visit_block, visit_stmt };

static void *job(void *arg) {
  int depth = *(int *)arg;
  struct ast *nodes = calloc((size_t)depth * 2, sizeof *nodes);
  for (int i = 0; i < depth; i++) {          /* { stmt; { stmt; { ... } } } */
    struct ast *blk = &nodes[2 * i], *st = &nodes[2 * i + 1];
    blk->kind = 1; blk->body = st;
    st->kind = 0; st->value = i;
    if (i + 1 < depth) st->next = &nodes[2 * i + 2];
  }
  struct visitor v = { &g_ops, 0, 0, 0 };
  v.ops->block(&v, &nodes[0]);
  printf("blocks=%ld stmts=%ld checksum=%ld\n", v.blocks, v.stmts, v.checksum);
  free(nodes);
  return NULL;
}

int main(void) {
  int depth = 3000;
  return run_on_thread(job, &depth);
}
