/* report.c — explanations (see include/escape/report.h).
 *
 *   /src/x.c:4:12: malloc(16) does not escape
 *   /src/x.c:9:10: malloc(32) escapes to heap: returned
 *   /src/x.c:9:10:   flow: {heap} = p:
 *   /src/x.c:9:10:     from p = malloc(32) at /src/x.c:9:10
 *   /src/x.c:9:10:     from p (returned) at /src/x.c:10:3
 *   /src/x.c:9:10:   remedy: let the caller pass in the memory to fill, ...
 *   /src/x.c:3: leaking param: p to result ~r0 level=0
 *
 * Paths follow one convention in every output (text, remarks, errors): the
 * file as debug info names it, resolved against its directory, so that an
 * editor opens it from any build directory.
 *
 * The flow (-escape-m=2, and the remarks' Step fields) is the shortest chain
 * of graph edges from the allocation to the place where it escaped, found by
 * a breadth-first walk over the nodes that hold the object; each step keeps
 * its instruction, so that every output can give its position. */
#include "escape/report.h"

#include "escape/decide.h"
#include "escape/remedy.h"
#include "escape/summary.h"
#include "escape/wrappers.h"

#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NAME_CAP = 128, MAX_FLOW_HOPS = 4, MAX_EXPR_DEPTH = 5 };

/* The annotation that promises a function's allocations the stack:
 * __attribute__((annotate("escape.stack"))). */
static const char STACK_PROMISE[] = "escape.stack";

typedef struct position {
  const char *dir, *file; /* file relative to dir unless it is absolute */
  unsigned dir_len, file_len, line, col;
  bool ir; /* no debug info: file is the function, line the instruction index */
} position;

/* One step of a flow: a heading ("flow: {heap} = p:") or a value the object
 * travelled through ("from p = malloc(16)"), at an instruction or nowhere in
 * particular (NULL: the memory of an object). */
typedef struct flow_step {
  const char *text;
  LLVMValueRef at;
  bool heading;
} flow_step;

/* A site's explanation that only its graph can give: the steps of its flow
 * and how to keep it local. One allocation: the steps, then their texts. */
struct site_flow {
  const char *remedy; /* "" when there is none */
  uint32_t nsteps;
  flow_step steps[];
};

/* Steps while they are found, before they are packed into a site_flow. */
typedef struct flow_builder {
  flow_step *steps; /* texts owned */
  uint32_t nsteps, capsteps;
} flow_builder;

/* What report keeps for a module between its calls: the compiled
 * -escape-filter. Made on first use, freed by report_flush. */
struct report_state {
  bool has_filter;
  regex_t filter;
};

/* The 1-based index of an instruction in its function; the function's
 * numbering is built once and kept while we report on it. */
static unsigned instruction_index(escape_module *m, LLVMValueRef inst) {
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
  if (m->numbered_fn != fn) {
    ptrmap_free(&m->numbering);
    m->numbered_fn = fn;
    unsigned index = 0;
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
           i = LLVMGetNextInstruction(i))
        ptrmap_put(&m->numbering, i, ++index);
  }
  uint32_t index = 0;
  ptrmap_get(&m->numbering, inst, &index);
  return index;
}

static position position_of(escape_module *m, LLVMValueRef inst) {
  position p = {0};
  p.line = LLVMGetDebugLocLine(inst);
  if (p.line) {
    p.file = LLVMGetDebugLocFilename(inst, &p.file_len);
    p.dir = LLVMGetDebugLocDirectory(inst, &p.dir_len);
    p.col = LLVMGetDebugLocColumn(inst);
    return p;
  }
  size_t len;
  LLVMValueRef fn = LLVMGetBasicBlockParent(LLVMGetInstructionParent(inst));
  p.file = LLVMGetValueName2(fn, &len);
  p.file_len = (unsigned)len;
  p.line = instruction_index(m, inst);
  p.ir = true;
  return p;
}

static position position_of_function(LLVMValueRef fn, unsigned line) {
  position p = {0};
  size_t len;
  if (line) {
    p.file = LLVMGetDebugLocFilename(fn, &p.file_len);
    p.dir = LLVMGetDebugLocDirectory(fn, &p.dir_len);
    p.line = line;
  } else {
    p.file = LLVMGetValueName2(fn, &len);
    p.file_len = (unsigned)len;
    p.ir = true;
  }
  return p;
}

/* The file, resolved against the directory debug info gives with it. */
static void format_path(strbuf *b, position p) {
  bool relative = !p.ir && p.dir_len && p.file_len && p.file[0] != '/';
  if (relative)
    strbuf_printf(b, "%.*s%s", (int)p.dir_len, p.dir,
                  p.dir[p.dir_len - 1] == '/' ? "" : "/");
  strbuf_printf(b, "%.*s", (int)p.file_len, p.file);
}

static void format_position(strbuf *b, position p) {
  format_path(b, p);
  if (p.ir)
    strbuf_printf(b, ":+%u", p.line);
  else if (p.col)
    strbuf_printf(b, ":%u:%u", p.line, p.col);
  else
    strbuf_printf(b, ":%u", p.line);
}

/* A value's name: its source variable, else its IR name, else "". */
static const char *value_name(escape_module *m, LLVMValueRef v, char *buf) {
  buf[0] = 0;
  if (m->services->variable_name &&
      m->services->variable_name(m->services->ctx, v, buf, NAME_CAP))
    return buf;
  size_t len;
  const char *ir = LLVMGetValueName2(v, &len);
  if (len && len < NAME_CAP) {
    memcpy(buf, ir, len);
    buf[len] = 0;
  }
  return buf;
}

/* C's precedence of what describe_expr prints, loosest first. */
typedef enum precedence { PREC_SHIFT, PREC_ADD, PREC_MUL, PREC_UNARY, PREC_PRIMARY } precedence;

static void describe_expr(escape_module *m, strbuf *b, LLVMValueRef v, unsigned depth,
                          precedence context);

/* A binary operator the source may have written, and its precedence. */
static const char *binary_operator(LLVMValueRef v, precedence *prec) {
  if (!LLVMIsABinaryOperator(v))
    return NULL;
  switch (LLVMGetInstructionOpcode(v)) {
  case LLVMAdd: *prec = PREC_ADD; return " + ";
  case LLVMSub: *prec = PREC_ADD; return " - ";
  case LLVMMul: *prec = PREC_MUL; return " * ";
  case LLVMShl: *prec = PREC_SHIFT; return " << ";
  default: return NULL;
  }
}

/* The constant byte offset of a GEP, if it has one. */
static bool gep_byte_offset(escape_module *m, LLVMValueRef gep, long long *offset) {
  LLVMTargetDataRef layout = LLVMGetModuleDataLayout(m->module);
  LLVMTypeRef type = LLVMGetGEPSourceElementType(gep);
  long long total = 0;
  for (unsigned i = 1, n = (unsigned)LLVMGetNumOperands(gep); i < n; i++) {
    LLVMValueRef index = LLVMGetOperand(gep, i);
    if (!LLVMIsAConstantInt(index))
      return false;
    long long k = LLVMConstIntGetSExtValue(index);
    if (i > 1 && LLVMGetTypeKind(type) == LLVMStructTypeKind) {
      total += (long long)LLVMOffsetOfElement(layout, type, (unsigned)k);
      type = LLVMStructGetTypeAtIndex(type, (unsigned)k);
      continue;
    }
    if (i > 1)
      type = LLVMGetElementType(type);
    if (!LLVMTypeIsSized(type) || LLVMGetTypeKind(type) == LLVMScalableVectorTypeKind)
      return false;
    total += k * (long long)LLVMABISizeOfType(layout, type);
  }
  *offset = total;
  return true;
}

/* A load as the source wrote it: p->data (a member through a pointer that
 * debug info names), *p, else "?". At -O0 the load of a variable's slot is
 * that variable, which value_name has already said. */
static void describe_load(escape_module *m, strbuf *b, LLVMValueRef load, unsigned depth) {
  const escape_services *sv = m->services;
  char member[NAME_CAP];
  LLVMValueRef pointer = NULL;
  if (sv->member_name && sv->member_name(sv->ctx, load, &pointer, member, NAME_CAP)) {
    describe_expr(m, b, pointer, depth + 1, PREC_PRIMARY);
    strbuf_printf(b, "->%s", member);
    return;
  }
  char name[NAME_CAP];
  if (value_name(m, LLVMGetOperand(load, 0), name)[0])
    strbuf_printf(b, "*%s", name);
  else
    strbuf_printf(b, "?");
}

/* Address arithmetic as C would write it: a one-index GEP is C's p + i
 * (through char * when it counts bytes, as at -O2); a GEP into a struct or
 * array with a constant offset is (char *)p + n; anything else is "?". */
static void describe_gep(escape_module *m, strbuf *b, LLVMValueRef gep, unsigned depth,
                         precedence context) {
  LLVMTypeRef source = LLVMGetGEPSourceElementType(gep);
  bool one_index = LLVMGetNumOperands(gep) == 2;
  bool bytes = LLVMGetTypeKind(source) == LLVMIntegerTypeKind &&
               LLVMGetIntTypeWidth(source) == 8;
  long long offset = 0;
  if (!one_index && !gep_byte_offset(m, gep, &offset)) {
    strbuf_printf(b, "?");
    return;
  }
  bool parens = context > PREC_ADD;
  strbuf_printf(b, "%s%s", parens ? "(" : "", bytes || !one_index ? "(char *)" : "");
  describe_expr(m, b, LLVMGetOperand(gep, 0), depth + 1, PREC_UNARY);
  strbuf_printf(b, " + ");
  if (one_index)
    describe_expr(m, b, LLVMGetOperand(gep, 1), depth + 1, PREC_MUL);
  else
    strbuf_printf(b, "%lld", offset);
  strbuf_printf(b, "%s", parens ? ")" : "");
}

/* A value as the source wrote it, as far as we can tell: a constant, a
 * variable, &variable, p->member, a small arithmetic expression of those
 * ("(n + 1) * 4"), parenthesized where its context binds tighter; "?" for
 * anything else. */
static void describe_expr(escape_module *m, strbuf *b, LLVMValueRef v, unsigned depth,
                          precedence context) {
  if (LLVMIsAConstantInt(v)) {
    strbuf_printf(b, "%llu", LLVMConstIntGetZExtValue(v));
    return;
  }
  char name[NAME_CAP];
  if (value_name(m, v, name)[0]) {
    strbuf_printf(b, "%s%s", LLVMIsAAllocaInst(v) ? "&" : "", name);
    return;
  }
  if (depth >= MAX_EXPR_DEPTH) {
    strbuf_printf(b, "?");
    return;
  }
  if (LLVMIsACastInst(v)) {
    describe_expr(m, b, LLVMGetOperand(v, 0), depth + 1, context);
    return;
  }
  if (LLVMIsALoadInst(v)) {
    describe_load(m, b, v, depth);
    return;
  }
  if (LLVMIsAGetElementPtrInst(v)) {
    describe_gep(m, b, v, depth, context);
    return;
  }
  precedence prec;
  const char *op = binary_operator(v, &prec);
  if (!op) {
    strbuf_printf(b, "?");
    return;
  }
  bool parens = prec < context;
  strbuf_printf(b, "%s", parens ? "(" : "");
  describe_expr(m, b, LLVMGetOperand(v, 0), depth + 1, prec);
  strbuf_printf(b, "%s", op);
  describe_expr(m, b, LLVMGetOperand(v, 1), depth + 1, (precedence)(prec + 1));
  strbuf_printf(b, "%s", parens ? ")" : "");
}

static void describe_arg(escape_module *m, strbuf *b, LLVMValueRef arg) {
  describe_expr(m, b, arg, 0, PREC_SHIFT);
}

/* A name for a value in a flow: its variable or expression, or for an
 * unnamed call result the call ("pass(...)"), else "?". */
static void describe_flow_value(escape_module *m, strbuf *b, LLVMValueRef v) {
  char name[NAME_CAP];
  if (value_name(m, v, name)[0]) {
    strbuf_printf(b, "%s", name);
    return;
  }
  if (LLVMIsACallInst(v) || LLVMIsAInvokeInst(v)) {
    LLVMValueRef callee = LLVMGetCalledValue(v);
    size_t len = 0;
    const char *fn = LLVMIsAFunction(callee) ? LLVMGetValueName2(callee, &len) : "";
    if (len) {
      strbuf_printf(b, "%.*s(...)", (int)len, fn);
      return;
    }
  }
  describe_arg(m, b, v);
}

void report_describe_call(escape_module *m, strbuf *b, LLVMValueRef call,
                          const char *name) {
  strbuf_printf(b, "%s(", name);
  unsigned n = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < n; i++) {
    if (i)
      strbuf_printf(b, ", ");
    describe_arg(m, b, LLVMGetOperand(call, i));
  }
  strbuf_printf(b, ")");
}

/* "malloc(n)", or for an allocation inlined from a wrapper the wrapper's
 * call as the caller wrote it ("xmalloc(n)", kept by wrappers.c). */
static void describe_site(escape_module *m, strbuf *b, const site *s) {
  unsigned len;
  const char *call = wrappers_call_text(m, s->call, &len);
  if (call)
    strbuf_printf(b, "%.*s", (int)len, call);
  else
    report_describe_call(m, b, s->call, candidates_name(s->kind));
}

static const char *callee_name(LLVMValueRef callee) {
  size_t len;
  return callee ? LLVMGetValueName2(callee, &len) : "?";
}

/* Why a body in this module may not be the one that runs. */
static const char *replaced_by(const escape_module *m, LLVMValueRef callee) {
  switch (callee && LLVMIsAFunction(callee) ? summary_definition_kind(m, callee)
                                            : DEFINITION_PREEMPTIBLE) {
  case DEFINITION_INLINE:
    return "an inline definition: the one that runs is elsewhere";
  case DEFINITION_WEAK:
    return "a weak definition, which another may replace at link time";
  default:
    return "an exported function, which the dynamic loader may bind to another definition";
  }
}

static void describe_escape(strbuf *b, const graph *g, const escape_cause *c) {
  switch (c->reason) {
  case REASON_RETURNED:
    strbuf_printf(b, "returned");
    return;
  case REASON_STORED:
  case REASON_CONTENT: {
    const object *holder = &g->objects[c->container];
    if (holder->kind == OBJ_EXT || holder->kind == OBJ_NUM)
      strbuf_printf(b, "stored to global or escaping memory");
    else if (holder->kind == OBJ_PARAM || holder->kind == OBJ_PARAM_CONTENT ||
             holder->kind == OBJ_PARAM_DEEP)
      strbuf_printf(b, "stored into the caller's memory");
    else
      strbuf_printf(b, "stored into memory that escapes");
    return;
  }
  case REASON_CALL_UNKNOWN:
    strbuf_printf(b, "passed to unknown function %s", callee_name(c->callee));
    return;
  case REASON_CALL_LEAKS:
    strbuf_printf(b, "passed to %s, which leaks it", callee_name(c->callee));
    return;
  case REASON_CALL_BUDGET:
    strbuf_printf(b, "passed to %s, whose analysis exceeded its budget",
                  callee_name(c->callee));
    return;
  case REASON_CALL_REPLACEABLE:
    strbuf_printf(b, "passed to %s, %s", callee_name(c->callee), replaced_by(g->module, c->callee));
    return;
  case REASON_CALL_INDIRECT:
    strbuf_printf(b, "passed to a call through a function pointer");
    return;
  case REASON_CALL_ASM:
    strbuf_printf(b, "passed to inline assembly");
    return;
  case REASON_CALL_VARARGS:
    strbuf_printf(b, "passed as a variadic argument to %s", callee_name(c->callee));
    return;
  case REASON_REALLOC:
    strbuf_printf(b, "passed to realloc");
    return;
  case REASON_VOLATILE:
    strbuf_printf(b, "used by a volatile access");
    return;
  case REASON_EXCEPTION:
    strbuf_printf(b, "thrown as an exception");
    return;
  case REASON_OUTPUT:
    strbuf_printf(b, "its bits or bytes leave the process through %s",
                  callee_name(c->callee));
    return;
  case REASON_ADDRESS_BITS: {
    LLVMValueRef at = c->inst;
    if (at && LLVMIsAGetElementPtrInst(at))
      strbuf_printf(b, "its address bits index memory");
    else if (at && (LLVMIsACallInst(at) || LLVMIsAInvokeInst(at)))
      strbuf_printf(b, "its address bits size an allocation");
    else
      strbuf_printf(b, "its address bits decide a branch");
    return;
  }

  case REASON_NONE:
    strbuf_printf(b, "escapes");
    return;
  }
}

static void describe_refusal(escape_module *m, strbuf *b, const site *s) {
  const escape_config *c = m->config;
  switch (s->verdict) {
  case REFUSE_NONE:
    if (s->small_buffer) /* the heap still serves larger sizes */
      strbuf_printf(b, " (stack buffer of %llu bytes when the size fits)",
                    (unsigned long long)s->size);
    else if (s->bounded)
      strbuf_printf(b, " (a stack slot of %llu bytes: a compare bounds the size)",
                    (unsigned long long)s->size);
    return;
  case REFUSE_OPTNONE:
  case REFUSE_REPORT_ONLY:
  case REFUSE_ADDRSPACE:
    return;
  case REFUSE_ESCAPES:
    strbuf_printf(b, "%s", s->reason ? s->reason : "escapes");
    return;
  case REFUSE_REALLOC:
    strbuf_printf(b, "realloc'd memory is never moved");
    return;
  case REFUSE_NONCONST_SIZE:
    strbuf_printf(b, "non-constant size");
    return;
  case REFUSE_ZERO_SIZE:
    strbuf_printf(b, "zero-size allocation");
    return;
  case REFUSE_OVERFLOW:
    strbuf_printf(b, "size overflows (count * size > 2^64 - 1)");
    return;
  case REFUSE_TOO_LARGE:
    strbuf_printf(b, "too large for stack (%llu > %llu bytes)",
                  (unsigned long long)s->size, (unsigned long long)s->detail);
    return;
  case REFUSE_BAD_ALIGN:
    strbuf_printf(b, "unsupported alignment (need a constant power of two, "
                     "at least %zu for posix_memalign, at most 4096)",
                  sizeof(void *));
    return;
  case REFUSE_FRAME_BUDGET:
    strbuf_printf(b, "function's stack budget exhausted (%llu > %llu bytes)",
                  (unsigned long long)s->detail,
                  (unsigned long long)(c->max_frame < c->max_stack ? c->max_frame
                                                                   : c->max_stack));
    return;
  case REFUSE_STACK_BUDGET:
    strbuf_printf(b, "stack budget along %s exceeded (%llu > %llu bytes)",
                  s->reason ? s->reason : "a call path", (unsigned long long)s->detail,
                  (unsigned long long)c->max_stack);
    return;
  case REFUSE_CYCLE_BUDGET:
    if (s->small_buffer) {
      strbuf_printf(b, "function may be on a call cycle through a function pointer or "
                       "code outside the module, where a run-time size gets no buffer");
      return;
    }
    strbuf_printf(b, "function may be on a call cycle through a function pointer or "
                     "code outside the module (%llu > %llu bytes per frame)",
                  (unsigned long long)s->detail, (unsigned long long)c->max_cycle_frame);
    return;
  case REFUSE_TAIL_CALL:
    strbuf_printf(b, "function may be on a call cycle and ends in a call on it (a "
                     "slot would keep every level's frame alive)");
    return;
  case REFUSE_FREED_WITH_OTHERS:
  case REFUSE_FREED_WITH_KEPT:
  case REFUSE_FREED_BY_CALLEE:
  case REFUSE_FREE_INVOKE: {
    const char *what = s->verdict == REFUSE_FREED_WITH_OTHERS
                           ? "freed through a pointer that may hold other memory"
                       : s->verdict == REFUSE_FREED_WITH_KEPT
                           ? "freed through a pointer that may hold an allocation that "
                             "stays on the heap"
                       : s->verdict == REFUSE_FREED_BY_CALLEE ? "freed by a callee"
                                                              : "freed by an invoke";
    strbuf_printf(b, "%s at ", what);
    format_position(b, position_of(m, s->detail_inst));
    return;
  }
  case REFUSE_LOOP:
    strbuf_printf(b, "allocated in a loop and alive across iterations");
    return;
  case REFUSE_RECURSIVE:
    strbuf_printf(b, "function is recursive");
    return;
  case REFUSE_RETURNS_TWICE:
    strbuf_printf(b, "function calls setjmp (returns_twice)");
    return;
  case REFUSE_MUSTTAIL:
    strbuf_printf(b, "function makes a musttail call");
    return;
  case REFUSE_INVOKE_PHI:
    strbuf_printf(b, "invoke whose unwind block has phis");
    return;
  case REFUSE_ANALYSIS_BUDGET:
    strbuf_printf(b, "analysis budget exceeded (-escape-max-work=%llu steps per "
                     "instruction)", (unsigned long long)c->max_work);
    return;
  case REFUSE_COUNT:
    return;
  }
}

static const char *verdict_suffix(refusal r) {
  switch (r) {
  case REFUSE_NONE:
    return " does not escape";
  case REFUSE_OPTNONE:
    return " does not escape (not moved: optnone function; compile with -O1 or higher)";
  case REFUSE_REPORT_ONLY:
    return " does not escape (not moved: -escape-report-only)";
  case REFUSE_ADDRSPACE:
    return " does not escape (not moved: the target's stack is not in address space 0)";
  default:
    return " escapes to heap: ";
  }
}

static void add_line(escape_module *m, position p, char *text, char *extra) {
  VEC_GROW(m->lines, m->nlines, m->caplines);
  strbuf path = {0};
  format_path(&path, p);
  m->lines[m->nlines] = (report_line){.file = path.data, .line = p.line, .col = p.col,
                                      .ir = p.ir, .text = text, .extra = extra,
                                      .order = m->nlines};
  m->nlines++;
}

/* --- flows ---------------------------------------------------------------- */

static void add_step(flow_builder *f, strbuf *text, LLVMValueRef at, bool heading) {
  VEC_GROW(f->steps, f->nsteps, f->capsteps);
  f->steps[f->nsteps++] = (flow_step){.text = text->data, .at = at, .heading = heading};
  *text = (strbuf){0};
}

/* The steps and the remedy in one allocation, which free() releases. */
static struct site_flow *pack_flow(flow_builder *f, const char *remedy) {
  size_t bytes = sizeof(struct site_flow) + f->nsteps * sizeof(flow_step) + strlen(remedy) + 1;
  for (uint32_t i = 0; i < f->nsteps; i++)
    bytes += strlen(f->steps[i].text) + 1;
  struct site_flow *flow = escape_xcalloc(1, bytes);
  char *text = (char *)&flow->steps[f->nsteps];
  flow->nsteps = f->nsteps;
  for (uint32_t i = 0; i < f->nsteps; i++) {
    size_t len = strlen(f->steps[i].text) + 1;
    flow->steps[i] = f->steps[i];
    flow->steps[i].text = memcpy(text, f->steps[i].text, len);
    text += len;
    free((char *)f->steps[i].text);
  }
  flow->remedy = memcpy(text, remedy, strlen(remedy) + 1);
  free(f->steps);
  *f = (flow_builder){0};
  return flow;
}

/* The instruction by which a value left: a store of it, or a return. */
static LLVMValueRef exit_of(LLVMValueRef value) {
  for (LLVMUseRef u = LLVMGetFirstUse(value); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if ((LLVMIsAStoreInst(user) && LLVMGetOperand(user, 0) == value) ||
        LLVMIsAReturnInst(user))
      return user;
  }
  return NULL;
}

static const char *value_kind(LLVMValueRef v) {
  return LLVMIsALoadInst(v)                             ? "load"
         : LLVMIsAPHINode(v)                            ? "phi"
         : LLVMIsASelectInst(v)                         ? "select"
         : LLVMIsAGetElementPtrInst(v)                  ? "address arithmetic"
         : LLVMIsACallInst(v) || LLVMIsAInvokeInst(v)   ? "call result"
         : LLVMIsACastInst(v)                           ? "conversion"
         : LLVMIsAInsertValueInst(v) || LLVMIsAExtractValueInst(v) ? "struct value"
                                                        : "assign";
}

/* One step of a flow: the value the object travelled through, in Go's
 * words ("from NAME (WHAT)"). Content nodes say which object's memory held
 * it; helper nodes are skipped. */
static void add_value_step(escape_module *m, flow_builder *f, const graph *g, node_id n,
                           const char *sitename) {
  const node *nd = &g->nodes[n];
  char name[NAME_CAP];
  strbuf text = {0};
  if (nd->value && LLVMIsAInstruction(nd->value)) {
    LLVMValueRef v = nd->value;
    if (sitename) {
      value_name(m, v, name);
      strbuf_printf(&text, "from %s%s%s", name, name[0] ? " = " : "", sitename);
    } else {
      strbuf_printf(&text, "from ");
      describe_flow_value(m, &text, v);
      strbuf_printf(&text, " (%s)", value_kind(v));
    }
    add_step(f, &text, v, false);
    return;
  }
  if (nd->owner == NO_ID || g->objects[nd->owner].kind == OBJ_EXT)
    return;
  const object *h = &g->objects[nd->owner];
  if (!h->origin || !LLVMIsAInstruction(h->origin))
    return;
  value_name(m, h->origin, name);
  strbuf_printf(&text, "from *%s (stored in memory)", name[0] ? name : "object");
  add_step(f, &text, NULL, false);
}

/* Shortest chain of edges from `from` to `to` through nodes holding o. */
static uint32_t flow_path(const graph *g, object_id o, node_id from, node_id to,
                          node_id *path, uint32_t cap) {
  if (from == NO_ID)
    return 0;
  /* parents in a map: the walk visits only the nodes that hold o */
  ptrmap parent = {0};
  u32vec queue = {0};
  uint32_t up;
  u32vec_push(&queue, from);
  ptrmap_put(&parent, (const void *)(uintptr_t)(from + 1), from);
  for (uint32_t head = 0; head < queue.len; head++) {
    if (ptrmap_get(&parent, (const void *)(uintptr_t)(to + 1), &up))
      break;
    const node *nd = &g->nodes[queue.data[head]];
    for (uint32_t i = 0; i < nd->nedges; i++) {
      node_id s = nd->edges[i].dst;
      if (!ptrmap_get(&parent, (const void *)(uintptr_t)(s + 1), &up) &&
          graph_holds(g, s, o)) {
        ptrmap_put(&parent, (const void *)(uintptr_t)(s + 1), queue.data[head]);
        u32vec_push(&queue, s);
      }
    }
  }
  uint32_t len = 0;
  if (ptrmap_get(&parent, (const void *)(uintptr_t)(to + 1), &up)) {
    for (node_id n = to;;) {
      if (len < cap)
        path[len++] = n;
      if (n == from)
        break;
      ptrmap_get(&parent, (const void *)(uintptr_t)(n + 1), &n);
    }
  }
  u32vec_free(&queue);
  ptrmap_free(&parent);
  return len;
}

/* The last step: the value that left, and how. */
static void flow_exit(escape_module *m, flow_builder *f, const graph *g, object_id o,
                      const node_id *path, uint32_t n, const char *sitename, unsigned hop) {
  const object *obj = &g->objects[o];
  const escape_cause *c = &obj->cause;
  /* path[0] is where it escaped: a sink's own node is a value, a content or
   * result node is not, so the one before it is named. */
  node_id last = n >= 2 ? path[1] : n == 1 ? path[0] : NO_ID;
  if (n >= 1 && g->nodes[path[0]].value)
    last = path[0];
  LLVMValueRef lastv = last != NO_ID ? g->nodes[last].value : NULL;
  LLVMValueRef where = c->inst;
  if (!where && lastv)
    where = exit_of(lastv);
  char name[NAME_CAP];
  strbuf text = {0};
  strbuf_printf(&text, "from ");
  if (!lastv)
    strbuf_printf(&text, "%s", hop == 0 ? sitename : "?");
  else if (hop == 0 && lastv == obj->origin && !value_name(m, lastv, name)[0])
    strbuf_printf(&text, "%s", sitename);
  else
    describe_flow_value(m, &text, lastv);
  strbuf_printf(&text, " (");
  describe_escape(&text, g, c);
  strbuf_printf(&text, ")");
  add_step(f, &text, where, false);
}

/* The chain from the allocation to where it escaped. Through memory that
 * escapes, the chain goes on with that memory's own chain. */
static void explain_flow(escape_module *m, flow_builder *f, const graph *g,
                         object_id o, const char *sitename) {
  char name[NAME_CAP];
  for (unsigned hop = 0; hop < MAX_FLOW_HOPS; hop++) {
    const object *obj = &g->objects[o];
    const escape_cause *c = &obj->cause;
    LLVMValueRef holder = obj->address != NO_ID ? g->nodes[obj->address].value : NULL;
    value_name(m, holder ? holder : obj->origin, name);
    strbuf heading = {0};
    strbuf_printf(&heading, "flow: {heap} = %s:",
                  name[0] ? name : hop == 0 ? sitename : "object");
    add_step(f, &heading, NULL, true);
    node_id path[64];
    uint32_t n = flow_path(g, o, obj->address, c->node, path, 64);
    /* path[n-1] is the allocation */
    if (hop == 0 && obj->address != NO_ID)
      add_value_step(m, f, g, obj->address, sitename);
    for (uint32_t i = n - 1; i >= 1 && i < n; i--)
      if (path[i] != obj->address)
        add_value_step(m, f, g, path[i], NULL);
    flow_exit(m, f, g, o, path, n, sitename, hop);
    bool via_holder = c->reason == REASON_STORED || c->reason == REASON_CONTENT;
    if (!via_holder || c->container == NO_ID)
      return;
    const object *h = &g->objects[c->container];
    if (h->kind != OBJ_SITE && h->kind != OBJ_ALLOCA)
      return;
    o = c->container;
  }
}

/* The -escape-m=2 lines under a verdict, each prefixed with its position as
 * Go does: the flow's steps with where they happened, then the remedy. */
static char *format_details(escape_module *m, const struct site_flow *flow,
                            const char *remedy, position p) {
  strbuf out = {0}, pos = {0};
  format_position(&pos, p);
  for (uint32_t i = 0; flow && i < flow->nsteps; i++) {
    const flow_step *step = &flow->steps[i];
    strbuf_printf(&out, "%s: %s%s", pos.data, step->heading ? "  " : "    ", step->text);
    if (step->at) {
      strbuf_printf(&out, " at ");
      format_position(&out, position_of(m, step->at));
    }
    strbuf_printf(&out, "\n");
  }
  if (remedy && *remedy)
    strbuf_printf(&out, "%s:   remedy: %s\n", pos.data, remedy);
  strbuf_free(&pos);
  return out.data;
}

/* --- filter and promises -------------------------------------------------- */

static struct report_state *report_state(escape_module *m) {
  if (m->report)
    return m->report;
  m->report = escape_xcalloc(1, sizeof *m->report);
  const char *filter = m->config->filter;
  /* plugin.cpp has checked the expression with the same regcomp */
  m->report->has_filter =
      filter && *filter && !regcomp(&m->report->filter, filter, REG_EXTENDED | REG_NOSUB);
  return m->report;
}

/* -escape-filter: does the function's name or its file match? */
static bool selected(escape_module *m, LLVMValueRef fn) {
  struct report_state *r = report_state(m);
  if (!r->has_filter)
    return true;
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  if (!regexec(&r->filter, name, 0, NULL, 0))
    return true;
  position p = {0};
  p.file = LLVMGetDebugLocFilename(fn, &p.file_len);
  p.dir = LLVMGetDebugLocDirectory(fn, &p.dir_len);
  if (!p.file)
    return false;
  strbuf path = {0};
  format_path(&path, p);
  bool match = !regexec(&r->filter, path.data, 0, NULL, 0);
  strbuf_free(&path);
  return match;
}

/* Does fn carry __attribute__((annotate("escape.stack")))? clang lists
 * annotated functions in @llvm.global.annotations as { fn, string, ... }. */
static bool stack_promised(escape_module *m, LLVMValueRef fn) {
  LLVMValueRef list = LLVMGetNamedGlobal(m->module, "llvm.global.annotations");
  LLVMValueRef entries = list ? LLVMGetInitializer(list) : NULL;
  if (!entries || !LLVMIsAConstantArray(entries))
    return false;
  for (int i = 0, n = LLVMGetNumOperands(entries); i < n; i++) {
    LLVMValueRef entry = LLVMGetOperand(entries, i);
    if (LLVMGetNumOperands(entry) < 2 || LLVMGetOperand(entry, 0) != fn)
      continue;
    LLVMValueRef text = LLVMGetOperand(entry, 1);
    if (!LLVMIsAGlobalVariable(text) || !LLVMGetInitializer(text))
      continue;
    size_t len;
    const char *s = LLVMGetAsString(LLVMGetInitializer(text), &len);
    if (s && len >= sizeof STACK_PROMISE - 1 && !memcmp(s, STACK_PROMISE, sizeof STACK_PROMISE))
      return true;
  }
  return false;
}

/* --- sites and parameters ------------------------------------------------- */

/* The remark's tail: "; flow: STEP, STEP; remedy: TEXT", each step a Step
 * field at its own position, the remedy a Remedy field. */
static unsigned flow_args(const struct site_flow *flow, const char *remedy,
                          escape_remark_arg *args, unsigned cap) {
  unsigned n = 0;
  const char *separator = "; flow: ";
  for (uint32_t i = 0; flow && i < flow->nsteps && n + 2 <= cap; i++) {
    if (flow->steps[i].heading)
      continue;
    args[n++] = (escape_remark_arg){NULL, separator, NULL};
    args[n++] = (escape_remark_arg){"Step", flow->steps[i].text, flow->steps[i].at};
    separator = ", ";
  }
  if (remedy && *remedy && n + 2 <= cap) {
    args[n++] = (escape_remark_arg){NULL, "; remedy: ", NULL};
    args[n++] = (escape_remark_arg){"Remedy", remedy, NULL};
  }
  return n;
}

/* "escapes" -> "Escapes", "non-constant-size" -> "NonConstantSize": the
 * remark's name says why, as LLVM's inliner's names do (NoDefinition,
 * TooCostly). */
static void remark_name(refusal r, char *buf, size_t cap) {
  size_t n = 0;
  bool upper = true;
  for (const char *c = refusal_name(r); *c && n + 1 < cap; c++) {
    if (*c == '-') {
      upper = true;
      continue;
    }
    buf[n++] = upper && *c >= 'a' && *c <= 'z' ? (char)(*c - 'a' + 'A') : *c;
    upper = false;
  }
  buf[n] = 0;
}

enum { MAX_REMARK_ARGS = 3 + 2 * 24 + 2 };

static void remark_site(escape_module *m, const site *s, const char *desc,
                        const char *reason, const char *remedy) {
  const escape_services *sv = m->services;
  if (!sv->remark || !sv->remarks_enabled(sv->ctx, s->fn))
    return;
  char size[32];
  snprintf(size, sizeof size, "%llu", (unsigned long long)s->size);
  if (s->verdict == REFUSE_NONE) {
    escape_remark_arg args[] = {{"Site", desc, NULL},
                                {NULL, s->small_buffer
                                           ? " does not escape: a stack buffer when the size fits ("
                                           : " does not escape: moved to the stack (",
                                 NULL},
                                {"Bytes", size, NULL},
                                {NULL, " bytes)", NULL}};
    sv->remark(sv->ctx, ESCAPE_REMARK_PASSED, s->call, 0, "MovedToStack", args, 4);
    return;
  }
  bool kept_local = s->verdict == REFUSE_OPTNONE ||
                    s->verdict == REFUSE_REPORT_ONLY || s->verdict == REFUSE_ADDRSPACE;
  const char *why = s->verdict == REFUSE_OPTNONE ? "optnone function"
                    : s->verdict == REFUSE_REPORT_ONLY
                        ? "-escape-report-only"
                        : "the target's stack is not in address space 0";
  escape_remark_arg args[MAX_REMARK_ARGS] = {
      {"Site", desc, NULL},
      {NULL, kept_local ? " does not escape, not moved: " : " escapes to heap: ", NULL},
      {"Reason", kept_local ? why : reason, NULL}};
  unsigned n = 3 + flow_args(s->flow, remedy, args + 3, MAX_REMARK_ARGS - 3);
  char name[64];
  remark_name(s->verdict, name, sizeof name);
  sv->remark(sv->ctx, ESCAPE_REMARK_MISSED, s->call, 0, name, args, n);
}

static bool already_reported(escape_module *m, LLVMValueRef v) {
  if (m->mode != ESCAPE_MODE_TRANSFORM)
    return false;
  if (LLVMIsAFunction(v)) {
    size_t n = 0;
    LLVMValueMetadataEntry *md = LLVMGlobalCopyAllMetadata(v, &n);
    bool found = false;
    for (size_t i = 0; i < n; i++)
      found |= LLVMValueMetadataEntriesGetKind(md, (unsigned)i) == m->md_reported;
    if (md)
      LLVMDisposeValueMetadataEntries(md);
    return found;
  }
  return LLVMGetMetadata(v, m->md_reported) != NULL;
}

static void mark_reported(escape_module *m, LLVMValueRef v) {
  if (m->mode != ESCAPE_MODE_TRANSFORM)
    return;
  LLVMMetadataRef node = LLVMMDNodeInContext2(m->context, NULL, 0);
  if (LLVMIsAFunction(v))
    LLVMGlobalSetMetadata(v, m->md_reported, node);
  else
    LLVMSetMetadata(v, m->md_reported, LLVMMetadataAsValue(m->context, node));
}

/* Flows cost a walk of the graph per site: only for -escape-m=2 and remarks. */
static bool wants_flows(escape_module *m, LLVMValueRef fn) {
  return m->config->m >= 2 ||
         (m->services->remark && m->services->remarks_enabled &&
          m->services->remarks_enabled(m->services->ctx, fn));
}

/* While the graph is there: how an escaping site escapes, its flow and the
 * remedy. */
static void explain_site(escape_module *m, const graph *g, object_id o) {
  site *s = &m->sites[g->objects[o].site];
  if (s->verdict != REFUSE_ESCAPES || s->reason || already_reported(m, s->call))
    return;
  const escape_cause *cause = &g->objects[o].cause;
  strbuf reason = {0}, remedy = {0};
  describe_escape(&reason, g, cause);
  remedy_for_escape(&remedy, g, cause);
  s->reason = reason.data;
  flow_builder steps = {0};
  if (wants_flows(m, s->fn)) {
    strbuf desc = {0};
    describe_site(m, &desc, s);
    explain_flow(m, &steps, g, o, desc.data);
    strbuf_free(&desc);
  }
  s->flow = pack_flow(&steps, remedy.data ? remedy.data : "");
  strbuf_free(&remedy);
}

/* An allocation in a function marked escape.stack that stays on the heap
 * fails the compile, with the reason and the remedy. -escape-report-only
 * keeps a site that would move: the promise holds. */
static void check_promise(escape_module *m, const site *s, const char *desc,
                          const char *reason, const char *remedy) {
  const escape_services *sv = m->services;
  bool sometimes = s->verdict == REFUSE_NONE && s->small_buffer;
  if ((s->verdict == REFUSE_NONE && !sometimes) || s->verdict == REFUSE_REPORT_ONLY ||
      !sv->error || !stack_promised(m, s->fn))
    return;
  size_t len;
  const char *fn = LLVMGetValueName2(s->fn, &len);
  strbuf text = {0};
  if (sometimes) /* the promise is the stack, whatever the size */
    strbuf_printf(&text, "%s stays on the heap in %.*s, which is marked %s, when its "
                         "size is over %llu bytes; remedy: a constant size",
                  desc, (int)len, fn, STACK_PROMISE, (unsigned long long)s->size);
  else
    strbuf_printf(&text, "%s stays on the heap in %.*s, which is marked %s: %s", desc,
                  (int)len, fn, STACK_PROMISE,
                  s->verdict == REFUSE_OPTNONE ? "optnone function" : reason);
  if (!sometimes && remedy && *remedy)
    strbuf_printf(&text, "; remedy: %s", remedy);
  sv->error(sv->ctx, s->call, text.data);
  strbuf_free(&text);
}

static bool reporting(escape_module *m, LLVMValueRef fn) {
  bool asked = m->config->m > 0 || m->mode == ESCAPE_MODE_PRINT ||
               (m->services->remarks_enabled &&
                m->services->remarks_enabled(m->services->ctx, fn));
  return asked && selected(m, fn);
}

static void report_site(escape_module *m, site *s) {
  if (already_reported(m, s->call))
    return;
  bool report = reporting(m, s->fn);
  if (!report && !stack_promised(m, s->fn))
    return;
  strbuf desc = {0}, reason = {0}, remedy = {0}, text = {0};
  describe_site(m, &desc, s);
  describe_refusal(m, &reason, s);
  if (s->flow)
    strbuf_printf(&remedy, "%s", s->flow->remedy);
  else
    remedy_for_refusal(m, &remedy, s);
  const char *why = reason.data ? reason.data : "";
  const char *fix = remedy.data ? remedy.data : "";
  check_promise(m, s, desc.data, why, fix);
  if (report) {
    strbuf_printf(&text, "%s%s%s", desc.data, verdict_suffix(s->verdict), why);
    position p = position_of(m, s->call);
    bool details = m->config->m >= 2 && (s->flow || *fix);
    add_line(m, p, text.data, details ? format_details(m, s->flow, fix, p) : NULL);
    remark_site(m, s, desc.data, why, fix);
  }
  mark_reported(m, s->call);
  strbuf_free(&desc);
  strbuf_free(&reason);
  strbuf_free(&remedy);
}

/* Go's words for a parameter. Go's verdicts are about pointers: content
 * bits count only where a pointer was read, and what reaches the result
 * counts only if the result can hold a pointer (returning p->len or the sum
 * of a list's values does not leak p). The summary itself keeps every bit. */
static const char *param_verdict(const param_leak *leak, bool returns_pointer) {
  leak_tag tag = leak->tag & ~LEAK_CONTENT_BITS;
  for (uint32_t i = 0; i < leak->ncontents; i++)
    if (leak->contents[i].pointer)
      tag |= leak->contents[i].tag;
  if (!returns_pointer)
    tag &= ~(LEAK_RESULT_CONTENT | LEAK_DEEP_RESULT);
  if (tag & LEAK_HEAP)
    return "leaking param: %s";
  if (tag & LEAK_RESULT)
    return "leaking param: %s to result ~r0 level=0";
  if (tag & LEAK_RESULT_CONTENT)
    return "leaking param: %s to result ~r0 level=1";
  if (tag & LEAK_DEEP_RESULT)
    return "leaking param: %s to result ~r0 level=2";
  if (tag & (LEAK_CONTENT | LEAK_DEEP))
    return "leaking param content: %s";
  if (tag & (LEAK_FREED | LEAK_FREED_CONTENT | LEAK_DEEP_FREED))
    return "%s is freed";
  return "%s does not escape";
}

static void report_params(escape_module *m, const graph *g) {
  if (already_reported(m, g->fn))
    return;
  const fn_summary *fs = module_summary(m, g->fn);
  const escape_services *sv = m->services;
  LLVMTypeRef ret = LLVMGetReturnType(LLVMGlobalGetValueType(g->fn));
  LLVMTypeKind kind = LLVMGetTypeKind(ret);
  bool returns_pointer = kind == LLVMPointerTypeKind || kind == LLVMStructTypeKind ||
                         kind == LLVMArrayTypeKind || kind == LLVMVectorTypeKind;
  for (unsigned i = 0; i < fs->nparams; i++) {
    LLVMValueRef param = LLVMGetParam(g->fn, i);
    if (LLVMGetTypeKind(LLVMTypeOf(param)) != LLVMPointerTypeKind)
      continue;
    char name[NAME_CAP] = "";
    unsigned line = 0;
    if (!sv->param_name || !sv->param_name(sv->ctx, g->fn, i, name, NAME_CAP, &line))
      value_name(m, param, name);
    if (!name[0])
      snprintf(name, sizeof name, "#%u", i);
    position p = position_of_function(g->fn, line);
    strbuf text = {0};
    strbuf_printf(&text, param_verdict(&fs->params[i], returns_pointer), name);
    if (fs->over_budget) /* not what it does: what callers must assume */
      strbuf_printf(&text, " (analysis budget exceeded)");
    if (sv->remark && sv->remarks_enabled(sv->ctx, g->fn)) {
      escape_remark_arg args[] = {{"Tag", text.data, NULL}};
      sv->remark(sv->ctx, ESCAPE_REMARK_ANALYSIS, g->fn, line, "ParamTag", args, 1);
    }
    add_line(m, p, text.data, NULL);
  }
  mark_reported(m, g->fn);
}

void report_function(escape_module *m, graph *g) {
  bool report = reporting(m, g->fn);
  if (!report && !stack_promised(m, g->fn))
    return;
  for (object_id o = 0; o < g->nobjects; o++)
    if (g->objects[o].kind == OBJ_SITE)
      explain_site(m, g, o);
  if (report)
    report_params(m, g);
}

void report_sites(escape_module *m) {
  for (uint32_t i = 0; i < m->nsites; i++)
    report_site(m, &m->sites[i]);
}

static int compare_lines(const void *a, const void *b) {
  const report_line *x = a, *y = b;
  int c = strcmp(x->file, y->file);
  if (c)
    return c;
  if (x->line != y->line)
    return x->line < y->line ? -1 : 1;
  if (x->col != y->col)
    return x->col < y->col ? -1 : 1;
  if ((c = strcmp(x->text, y->text)))
    return c;
  return x->order < y->order ? -1 : x->order > y->order;
}

static bool same_line(const report_line *x, const report_line *y) {
  return x->line == y->line && x->col == y->col && !strcmp(x->file, y->file) &&
         !strcmp(x->text, y->text);
}

void report_flush(escape_module *m) {
  FILE *out = m->mode == ESCAPE_MODE_PRINT ? stdout : stderr;
  bool print = m->mode == ESCAPE_MODE_PRINT || m->config->m > 0;
  qsort(m->lines, m->nlines, sizeof *m->lines, compare_lines);
  for (uint32_t i = 0; i < m->nlines; i++) {
    report_line *l = &m->lines[i];
    bool duplicate = i > 0 && same_line(l, &m->lines[i - 1]);
    if (print && !duplicate) {
      strbuf pos = {0};
      format_position(&pos, (position){.file = l->file,
                                       .file_len = (unsigned)strlen(l->file),
                                       .line = l->line, .col = l->col, .ir = l->ir});
      fprintf(out, "%s: %s\n", pos.data, l->text);
      if (l->extra)
        fputs(l->extra, out);
      strbuf_free(&pos);
    }
  }
  if (print && m->nlines && !LLVMGetModuleFlag(m->module, "Debug Info Version", 18))
    fprintf(out, "escape: note: no debug info; positions are function:+instruction. "
                 "Compile with -g or -gline-tables-only to see source lines.\n");
  fflush(out);
  for (uint32_t i = 0; i < m->nlines; i++) {
    free(m->lines[i].file);
    free(m->lines[i].text);
    free(m->lines[i].extra);
  }
  free(m->lines);
  m->lines = NULL;
  m->nlines = m->caplines = 0;
  if (m->report && m->report->has_filter)
    regfree(&m->report->filter);
  free(m->report);
  m->report = NULL;
}
