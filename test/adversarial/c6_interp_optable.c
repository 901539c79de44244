// RUN: %adversarial %s
/* class 6: recursion only through an opcode dispatch table (eval -> ops[op] -> op_call -> eval); op_call spills the 4000-byte register file to a malloc-ed save area around the call; pattern: register-VM interpreters. RT-FLAGS: -pthread */
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
enum { OP_JZ, OP_CALL, OP_ADD, OP_RET };
struct insn { int op, a, b, c; };
#define NREGS 500
struct vm { long regs[NREGS]; long ret; long calls; const struct insn *code; };
typedef int (*opfn)(struct vm *, const struct insn *);   /* returns the pc delta, 0 = return */
static const opfn g_ops[4];

static void eval(struct vm *vm, int pc) {
  for (;;) {
    const struct insn *i = &vm->code[pc];
    int d = g_ops[i->op](vm, i);
    if (d == 0) return;
    pc += d;
  }
}

static int op_jz(struct vm *vm, const struct insn *i) { return vm->regs[i->a] == 0 ? i->b : 1; }
static int op_add(struct vm *vm, const struct insn *i) { vm->regs[i->a] = vm->regs[i->b] + vm->regs[i->c]; return 1; }
static int op_ret(struct vm *vm, const struct insn *i) { vm->ret = vm->regs[i->a]; return 0; }
/* regs[a] = call(entry b, arg regs[c] - 1) */
static int op_call(struct vm *vm, const struct insn *i) {
  long *save = ALLOC(sizeof vm->regs);            /* caller's register window */
  memcpy(save, vm->regs, sizeof vm->regs);
  long arg = vm->regs[i->c] - 1;
  vm->regs[0] = arg;
  vm->calls++;
  eval(vm, i->b);
  memcpy(vm->regs, save, sizeof vm->regs);
  vm->regs[i->a] = vm->ret;
  FREE(save);
  return 1;
}
static const opfn g_ops[4] = { op_jz, op_call, op_add, op_ret };

/* sum(n) = n == 0 ? 0 : n + sum(n - 1) */
static const struct insn g_code[] = {
  { OP_JZ, 0, 4, 0 },      /* 0: if r0 == 0 goto 4 */
  { OP_CALL, 1, 0, 0 },    /* 1: r1 = sum(r0 - 1) */
  { OP_ADD, 0, 0, 1 },     /* 2: r0 = r0 + r1 */
  { OP_RET, 0, 0, 0 },     /* 3: return r0 */
  { OP_RET, 0, 0, 0 },     /* 4: return r0 (= 0) */
};

static void *run(void *arg) {
  struct vm *vm = calloc(1, sizeof *vm);
  vm->code = g_code;
  vm->regs[0] = *(long *)arg;
  eval(vm, 0);
  printf("sum(%ld) = %ld after %ld calls\n", *(long *)arg, vm->ret, vm->calls);
  free(vm);
  return NULL;
}

int main(void) {
  /* the interpreter thread gets 4 MiB; 3000 nested script calls use a small part of it */
  long n = 3000;
  pthread_attr_t a; pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, THREAD_STACK);
  pthread_attr_setguardsize(&a, 1u << 20);
  if (pthread_create(&t, &a, run, &n)) return 1;
  pthread_join(t, NULL);
  return 0;
}
