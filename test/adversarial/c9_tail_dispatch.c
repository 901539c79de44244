// RUN: %adversarial %s
/* class 9: threaded bytecode interpreter whose handlers end in "return ops[op](vm)" (a sibling call, constant stack); one handler copies a symbol name into a 32-byte malloc buffer with strcpy; the plugin moves it (within its 64-byte per-frame allowance for possible cycles through function pointers), and the frame slot whose address strcpy receives keeps every later call from being a tail call, so each executed instruction leaves a frame: 7.5 million instructions; pattern: tail-call dispatched interpreters / state machines (wasm3, CPS lexers) */
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
enum { OP_SYM, OP_ADD, OP_LOOP, OP_HALT };
struct vm {
  const unsigned char *pc;
  long acc, steps, loops;
  unsigned long h;
  const char *const *symtab;
};
typedef long (*op_fn)(struct vm *);
static const op_fn ops[4];

static long next(struct vm *vm) { return ops[*vm->pc](vm); }

/* OP_SYM k: look symbol k up, intern its name into the running hash */
static long op_sym(struct vm *vm) {
  char *name = ALLOC(32);
  strcpy(name, vm->symtab[vm->pc[1]]);
  for (char *s = name; *s; s++) vm->h = (vm->h ^ (unsigned char)*s) * 1099511628211ul;
  vm->acc += (long)strlen(name);
  FREE(name);
  vm->pc += 2; vm->steps++;
  return next(vm);
}
static long op_add(struct vm *vm) { vm->acc += vm->pc[1]; vm->pc += 2; vm->steps++; return next(vm); }
static long op_loop(struct vm *vm) {
  vm->steps++;
  if (--vm->loops > 0) vm->pc -= vm->pc[1]; else vm->pc += 2;
  return next(vm);
}
static long op_halt(struct vm *vm) { return vm->acc; }
static const op_fn ops[4] = { op_sym, op_add, op_loop, op_halt };

int main(void) {
  static const char *const syms[] = { "print", "length", "cons", "lambda" };
  static const unsigned char prog[] = {
    OP_SYM, 0, OP_ADD, 3, OP_SYM, 2, OP_SYM, 3, OP_LOOP, 8, OP_HALT
  };
  struct vm vm = { prog, 0, 0, 1500000, 1469598103934665603ul, syms };
  long r = next(&vm);
  printf("acc=%ld steps=%ld hash=%016lx\n", r, vm.steps, vm.h);
  return 0;
}
