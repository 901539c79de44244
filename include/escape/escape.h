/* escape.h — the interface between the C core and its host (pass/plugin.cpp):
 * the options as one plain struct, the services the LLVM C API lacks as a
 * table of function pointers, and the one entry point. */
#ifndef ESCAPE_ESCAPE_H
#define ESCAPE_ESCAPE_H

#include <llvm-c/Core.h>
#include <stdbool.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Options, parsed by the host from -escape-* flags. */
typedef struct escape_config {
  int m;              /* -escape-m: 0 silent, 1 verdicts, 2 verdicts and flows */
  uint64_t max_size;  /* -escape-max-size: largest allocation moved, bytes */
  uint64_t max_frame; /* -escape-max-frame: most bytes moved per function */
  uint64_t max_stack; /* -escape-max-stack: most bytes moved along a call path */
  uint64_t max_cycle_frame; /* -escape-max-cycle-frame: most bytes moved per frame
                               of a function that may be on a call cycle */
  uint64_t small_buffer; /* -escape-small-buffer: the stack buffer given to an
                            allocation of run-time size, used when it fits; 0: off */
  uint64_t max_work;  /* -escape-max-work: solver steps allowed per instruction
                         of a function; past them its sites stay on the heap */
  bool report_only;   /* -escape-report-only: analyse and report, no rewrite */
  bool wrappers;      /* -escape-wrappers: inline the calls to allocation
                         wrappers whose memory may stay in the caller's frame */
  const char *stats_file; /* -escape-stats: append one line per module, or NULL */
  bool post_link;     /* the module was compiled with escape before: this run is
                         the LTO link's (or a ThinLTO backend's) */
  const char *filter; /* -escape-filter: report only functions or files whose
                         name matches this POSIX extended regex, or NULL */
} escape_config;

#define ESCAPE_DEFAULT_MAX_SIZE 4096u
#define ESCAPE_DEFAULT_MAX_FRAME 16384u
#define ESCAPE_DEFAULT_MAX_STACK 4096u
#define ESCAPE_DEFAULT_MAX_CYCLE_FRAME 64u
#define ESCAPE_DEFAULT_MAX_WORK 20000u
#define ESCAPE_DEFAULT_SMALL_BUFFER 64u

/* What the pass does with its verdicts. */
typedef enum escape_mode {
  ESCAPE_MODE_TRANSFORM, /* pass `escape`: report and rewrite */
  ESCAPE_MODE_PRINT      /* pass `print<escape>`: print verdicts, change nothing */
} escape_mode;

typedef enum escape_remark_kind {
  ESCAPE_REMARK_PASSED,   /* moved to the stack */
  ESCAPE_REMARK_MISSED,   /* stays on the heap */
  ESCAPE_REMARK_ANALYSIS  /* a parameter's leak tag */
} escape_remark_kind;

/* One piece of a remark: a plain string when key is NULL, otherwise a named
 * argument that -fsave-optimization-record keeps as a field, with the source
 * position of instruction `at` as its DebugLoc when at is not NULL (a step
 * of a flow). */
typedef struct escape_remark_arg {
  const char *key;
  const char *value;
  LLVMValueRef at;
} escape_remark_arg;

/* Services of the host. ctx is passed back to every call. */
typedef struct escape_services {
  void *ctx;
  /* Is the block part of a cycle of the CFG (natural loop or irreducible)? */
  bool (*in_cycle)(void *ctx, LLVMBasicBlockRef block);
  /* Does instruction def dominate instruction use? */
  bool (*dominates)(void *ctx, LLVMValueRef def, LLVMValueRef use);
  /* Emits an optimization remark from pass "escape" at an instruction, or
   * (for parameters) at a function, on source line `line` when not 0. */
  void (*remark)(void *ctx, escape_remark_kind kind, LLVMValueRef at,
                 unsigned line, const char *name, const escape_remark_arg *args,
                 unsigned nargs);
  /* Source name of a value from debug info, or 0 if none. */
  unsigned (*variable_name)(void *ctx, LLVMValueRef value, char *buf,
                            unsigned cap);
  /* Source name and line of parameter argno (0-based) of fn, or 0. */
  unsigned (*param_name)(void *ctx, LLVMValueRef fn, unsigned argno, char *buf,
                         unsigned cap, unsigned *line);
  /* Whether remarks for pass "escape" are enabled at all (cheap check). */
  bool (*remarks_enabled)(void *ctx, LLVMValueRef fn);
  /* Tells the host that fn's IR changed. */
  void (*changed)(void *ctx, LLVMValueRef fn);
  /* For a load of a struct member through a pointer that debug info names
   * (p->data at -O0 or -O2): the member's name ("data", "in.len") and the
   * pointer; 0 if debug info does not tell. */
  unsigned (*member_name)(void *ctx, LLVMValueRef load, LLVMValueRef *pointer,
                          char *buf, unsigned cap);
  /* Splits the block before allocation call `call`: when `big` (an i1
   * computed before it) holds, the call runs; otherwise `slot` stands in.
   * Returns the phi that replaces the call's uses. */
  LLVMValueRef (*guard_allocation)(void *ctx, LLVMValueRef call, LLVMValueRef slot,
                                   LLVMValueRef big);
  /* Reports an error at instruction `at` (or at fn when at is a function)
   * that fails the compile once the pass is done. */
  void (*error)(void *ctx, LLVMValueRef at, const char *message);
  /* Inlines the direct call `call` if LLVM can; stores up to `cap` of the
   * calls that the inlined body brought into the caller in `inlined`.
   * Returns how many there are, or -1 when the call was not inlined. */
  int (*inline_call)(void *ctx, LLVMValueRef call, LLVMValueRef *inlined, unsigned cap);
  /* Is fn's definition one the dynamic loader may preempt with another
   * module's (not dso_local: an exported function of a -fPIC library)? */
  bool (*preemptible)(void *ctx, LLVMValueRef fn);
} escape_services;

/* Runs the analysis over the module and, in ESCAPE_MODE_TRANSFORM, rewrites
 * non-escaping allocations. Returns true if the IR changed. */
bool escape_run_module(LLVMModuleRef module, const escape_config *config,
                       const escape_services *services, escape_mode mode);

#ifdef __cplusplus
}
#endif

#endif
