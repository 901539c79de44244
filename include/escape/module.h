/* module.h — what the stages share about the whole module: the allocation
 * sites, the per-function summaries (leak tags), and the report being
 * collected. The driver (escape.c) owns it; every stage reads it. */
#ifndef ESCAPE_MODULE_H
#define ESCAPE_MODULE_H

#include "escape/candidates.h"
#include "escape/escape.h"
#include "escape/support.h"

/* A leak tag: what a function does with one parameter, as its callers must
 * assume (Go's leaks.go, with the bits C adds: frees and writes). */
enum {
  LEAK_HEAP = 1u << 0,           /* leaking param: p */
  LEAK_CONTENT = 1u << 1,        /* leaking param content: p */
  LEAK_RESULT = 1u << 2,         /* leaking param: p to result ~r0 level=0 */
  LEAK_RESULT_CONTENT = 1u << 3, /* leaking param: p to result ~r0 level=1 */
  LEAK_FREED = 1u << 4,          /* p may be freed */
  LEAK_FREED_CONTENT = 1u << 5,  /* *p may be freed */
  LEAK_WRITES = 1u << 6,         /* pointers stored into *p */
  LEAK_WRITES_CONTENT = 1u << 7, /* pointers stored into **p */
  LEAK_DEEP = 1u << 8,           /* what lies two or more levels down escapes */
  LEAK_DEEP_RESULT = 1u << 9,    /* ... is returned (level=2) */
  LEAK_DEEP_FREED = 1u << 10,    /* ... may be freed */
  LEAK_DEEP_WRITES = 1u << 11,   /* pointers are stored there */
  LEAK_NUMBERS = 1u << 12,       /* numbers stored into *p (where: param_leak.writes) */
  LEAK_NUMBERS_CONTENT = 1u << 13, /* numbers stored into **p */
  LEAK_DEEP_NUMBERS = 1u << 14,  /* numbers stored deeper */
  LEAK_UNKNOWN = LEAK_HEAP       /* what an unknown callee may do */
};
typedef uint32_t leak_tag;

#define LEAK_CONTENT_BITS                                                     \
  (LEAK_CONTENT | LEAK_RESULT_CONTENT | LEAK_FREED_CONTENT | LEAK_WRITES_CONTENT | \
   LEAK_NUMBERS_CONTENT)
#define LEAK_DEEP_BITS                                                        \
  (LEAK_DEEP | LEAK_DEEP_RESULT | LEAK_DEEP_FREED | LEAK_DEEP_WRITES |        \
   LEAK_DEEP_NUMBERS)

/* What a function does with what it loads from one field of the memory a
 * parameter points to: the field read (offset and size; ANY_OFFSET /
 * ANY_SIZE when unknown) and the LEAK_*CONTENT bits for the value loaded
 * there. What lies further down is one object per parameter (LEAK_DEEP*). Callers apply it to their own field at that offset,
 * so that `return p->len` does not drag along the pointer in p->data. */
typedef struct content_leak {
  int32_t offset;
  uint32_t size;
  leak_tag tag;
  int32_t result_delta; /* LEAK_RESULT_CONTENT: the result is the loaded value
                           plus this many bytes, or DELTA_ANY */
  bool pointer; /* read as a pointer (for the report: Go's verdicts are
                   about pointers, not the integers beside them) */
} content_leak;

/* Bytes of *p that the function writes: pointers (which callers must take
 * for {ext}) or numbers (which callers must take for {num}), per range, so
 * that p->len = n leaves the caller's p->buf alone. */
typedef struct write_range {
  int32_t offset; /* or ANY_OFFSET */
  uint32_t size;  /* or ANY_SIZE */
  uint8_t written; /* WRITTEN_POINTER | WRITTEN_NUMBER */
} write_range;

typedef struct param_leak {
  leak_tag tag;           /* the pointer's own bits, and the union of content bits */
  int32_t result_delta;   /* LEAK_RESULT: the result is p plus this many bytes
                             (return &p->f[2]), or DELTA_ANY; what lies deeper is
                             returned at any offset */
  content_leak *contents; /* per field read */
  uint32_t ncontents, capcontents;
  write_range *writes;    /* LEAK_WRITES, LEAK_NUMBERS: where */
  uint32_t nwrites, capwrites;
} param_leak;

/* The bits for one level of memory below a parameter (0: what p points to,
 * 1: what *p points to, 2: anything deeper), indexed by what happens there. */
enum {
  LEAK_ESCAPES,
  LEAK_RETURNED,
  LEAK_IS_FREED,
  LEAK_IS_WRITTEN,  /* pointers stored there: at level 0 see param_leak.writes */
  LEAK_IS_NUMBERED, /* numbers stored there: at level 0 see param_leak.writes */
  LEAK_LEVEL_BITS
};
extern const leak_tag leak_level_bits[3][LEAK_LEVEL_BITS];

/* Adds from's bits to into; returns true if into changed. */
bool param_leak_merge(param_leak *into, const param_leak *from);
void param_leak_free(param_leak *leak);

typedef struct fn_summary {
  LLVMValueRef fn;
  uint32_t nparams;
  param_leak *params; /* one per parameter */
  bool defined;       /* has a body we analyse */
  bool recursive;     /* sits on a cycle of the direct call graph */
  bool exact;         /* its body is the one that runs (not interposable) */
  bool returns_unknown; /* may return memory other than its parameters' */
  bool over_budget;   /* its solver ran out of -escape-max-work: callers take it
                         for a function whose body is unknown */
  bool allocates;     /* calls malloc and friends */
  bool needed;        /* allocates, or is called (transitively) by one that does */
  bool allocator;     /* an allocation wrapper: returns fresh memory of its own
                         malloc-family sites (wrappers.h); only while sought */
  bool deallocator;   /* a release wrapper: frees its one parameter, nothing else */
  uint32_t ninstructions; /* counted with the callees: sizes its graph */
  uint32_t scc;
} fn_summary;

#define NO_GROUP UINT32_MAX

/* Why a site stays on the heap even though it may not escape. */
typedef enum refusal {
  REFUSE_NONE,
  REFUSE_ESCAPES,
  REFUSE_REALLOC,        /* realloc's result is never moved */
  REFUSE_NONCONST_SIZE,
  REFUSE_ZERO_SIZE,
  REFUSE_OVERFLOW,       /* calloc count*size overflows */
  REFUSE_TOO_LARGE,
  REFUSE_BAD_ALIGN,      /* alignment not a constant power of two <= 4096 */
  REFUSE_FRAME_BUDGET,   /* the function's frame is full (-escape-max-frame) */
  REFUSE_STACK_BUDGET,   /* a call path through it is full (-escape-max-stack) */
  REFUSE_CYCLE_BUDGET,   /* it may be on a call cycle the module does not show
                            (-escape-max-cycle-frame) */
  REFUSE_TAIL_CALL,      /* ... and ends in a call on it: a slot would keep
                            the frame alive on every level */
  REFUSE_FREED_WITH_OTHERS,
  REFUSE_FREED_WITH_KEPT, /* freed through a pointer that may hold another site,
                             which stays on the heap */
  REFUSE_FREED_BY_CALLEE,
  REFUSE_FREE_INVOKE,    /* freed by an invoke, which we do not delete */
  REFUSE_LOOP,
  REFUSE_RECURSIVE,      /* on a cycle of direct calls: nothing moves */
  REFUSE_RETURNS_TWICE,
  REFUSE_MUSTTAIL,
  REFUSE_OPTNONE,
  REFUSE_REPORT_ONLY,
  REFUSE_ADDRSPACE,      /* the target's stack is not in address space 0 */
  REFUSE_INVOKE_PHI,     /* invoke whose unwind block has phis */
  REFUSE_ANALYSIS_BUDGET,/* the solver ran out of -escape-max-work */
  REFUSE_COUNT           /* how many verdicts there are */
} refusal;

typedef struct site {
  LLVMValueRef call;
  LLVMValueRef fn;
  libc_call kind;
  bool size_known, overflow;
  bool small_buffer;   /* run-time size: size is the stack buffer's, used when
                          the size asked for fits (else the heap, as before) */
  bool bounded;        /* run-time size that a dominating compare bounds
                          (if (n <= 256) malloc(n)): size is the bound */
  uint64_t bound;      /* that bound, or UINT64_MAX (decide.c) */
  bool from_wrapper;   /* inlined from an allocation wrapper (wrappers.h) */
  uint32_t group;      /* sites freed through one pointer (p = c ? malloc(16) :
                          malloc(32); free(p)) move together or not at all:
                          the index of the group's first site, or NO_GROUP */
  uint64_t size, align;
  refusal verdict;     /* REFUSE_NONE: moved to the stack */
  uint64_t detail;     /* numbers for the reason: a limit, a total */
  LLVMValueRef detail_inst; /* e.g. the free that blocks it */
  char *reason;        /* REFUSE_ESCAPES: how it escapes; stack budgets: along
                          which path. Owned. */
  struct site_flow *flow; /* REFUSE_ESCAPES: how, step by step, and the remedy
                             (report.c); one allocation, owned */
  LLVMValueRef *frees; /* a candidate's frees, which the rewrite deletes */
  uint32_t nfrees;
} site;

typedef struct report_line {
  char *file;          /* source file, or the function when ir is set */
  unsigned line, col;  /* col 0: unknown; ir: line is the instruction index */
  bool ir;
  char *text;          /* the message after "FILE:LINE:COL: " */
  char *extra;         /* -m=2 lines, already formatted, or NULL */
  uint32_t order;      /* tie-breaker: creation order */
} report_line;

typedef struct attr_kinds {
  unsigned nocapture, captures, returned, readonly, readnone, memory;
} attr_kinds;

typedef struct escape_module {
  LLVMModuleRef module;
  LLVMContextRef context;
  const escape_config *config;
  const escape_services *services;
  escape_mode mode;
  fn_summary *fns;
  uint32_t nfns;
  ptrmap fn_index;     /* function -> index in fns */
  site *sites;
  uint32_t nsites, capsites;
  report_line *lines;
  uint32_t nlines, caplines;
  attr_kinds attrs;
  unsigned md_reported; /* metadata kind marking reported sites */
  unsigned md_inexact;  /* ... marking the compile's available_externally bodies */
  unsigned md_slot;     /* ... marking the stack slots escape made */
  unsigned md_wrapper;  /* ... holding the wrapper call an allocation was
                           inlined from (wrappers.h) */
  LLVMValueRef lifetime_start, lifetime_end; /* declarations, made once */
  LLVMTypeRef lifetime_type;
  struct report_state *report; /* report.c's own, made on first use */
  LLVMValueRef numbered_fn; /* positions without debug info: the function */
  ptrmap numbering;         /* ... and its instructions' indices */
  uint64_t solver_steps;  /* work of every solver run, for -escape-stats */
  uint64_t worst_steps;   /* ... the most per instruction in one function */
  bool changed;
  bool finding_wrappers; /* the first run (wrappers.c): calls to allocation
                            wrappers are sites, nothing is reported or rewritten */
  bool report_all;    /* -m, remarks or print<escape>: every function is reported */
  bool can_rewrite;   /* the target's stack is in address space 0 */
} escape_module;

/* A short name for a verdict, for statistics: "moved", "escapes", ... */
const char *refusal_name(refusal r);

/* Summary of a direct callee, or NULL. */
fn_summary *module_summary(escape_module *m, LLVMValueRef fn);

#endif
