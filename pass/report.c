/* report.c — explanations (see include/escape/report.h).
 *
 *   x.c:4:12: malloc(16) does not escape
 *   x.c:9:10: malloc(32) escapes to heap: returned
 *   x.c:9:10:   flow: {heap} = p:
 *   x.c:9:10:     from p = malloc(32) at x.c:9:10
 *   x.c:9:10:     from return p (returned) at x.c:10:3
 *   x.c:3: leaking param: p to result ~r0 level=0
 *
 * The flow (-escape-m=2) is the shortest chain of graph edges from the
 * allocation to the place where it escaped, found by a breadth-first walk
 * over the nodes that hold the object. */
#include "escape/report.h"

#include "escape/decide.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { NAME_CAP = 128, MAX_FLOW_HOPS = 4 };

typedef struct position {
  const char *file;
  unsigned file_len, line, col;
  bool ir; /* no debug info: file is the function, line the instruction index */
} position;

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

static void format_position(strbuf *b, position p) {
  if (p.ir)
    strbuf_printf(b, "%.*s:+%u", (int)p.file_len, p.file, p.line);
  else if (p.col)
    strbuf_printf(b, "%.*s:%u:%u", (int)p.file_len, p.file, p.line, p.col);
  else
    strbuf_printf(b, "%.*s:%u", (int)p.file_len, p.file, p.line);
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

/* A name for a value in a flow: its variable, or for an unnamed call
 * result the call ("pass(...)"), or "value". */
static const char *flow_name(escape_module *m, LLVMValueRef v, char *buf) {
  if (value_name(m, v, buf)[0])
    return buf;
  if (LLVMIsACallInst(v) || LLVMIsAInvokeInst(v)) {
    LLVMValueRef callee = LLVMGetCalledValue(v);
    size_t len = 0;
    const char *fn = LLVMIsAFunction(callee) ? LLVMGetValueName2(callee, &len) : "";
    if (len && len + 6 < NAME_CAP) {
      snprintf(buf, NAME_CAP, "%.*s(...)", (int)len, fn);
      return buf;
    }
  }
  snprintf(buf, NAME_CAP, "value");
  return buf;
}

/* An argument as the source wrote it, as far as we can tell: a constant, a
 * variable, &variable, or a small arithmetic expression of those
 * ("n * 4"); "?" for anything else. */
static void describe_arg(escape_module *m, strbuf *b, LLVMValueRef arg,
                         unsigned depth) {
  if (LLVMIsAConstantInt(arg)) {
    strbuf_printf(b, "%llu", LLVMConstIntGetZExtValue(arg));
    return;
  }
  char name[NAME_CAP];
  value_name(m, arg, name);
  if (name[0]) {
    strbuf_printf(b, "%s%s", LLVMIsAAllocaInst(arg) ? "&" : "", name);
    return;
  }
  if (LLVMIsACastInst(arg) && depth < 3) {
    describe_arg(m, b, LLVMGetOperand(arg, 0), depth + 1);
    return;
  }
  const char *op = NULL;
  if (LLVMIsABinaryOperator(arg) && depth < 3)
    switch (LLVMGetInstructionOpcode(arg)) {
    case LLVMAdd: op = " + "; break;
    case LLVMSub: op = " - "; break;
    case LLVMMul: op = " * "; break;
    case LLVMShl: op = " << "; break;
    default: break;
    }
  if (!op) {
    strbuf_printf(b, "?");
    return;
  }
  describe_arg(m, b, LLVMGetOperand(arg, 0), depth + 1);
  strbuf_printf(b, "%s", op);
  describe_arg(m, b, LLVMGetOperand(arg, 1), depth + 1);
}

static void describe_site(escape_module *m, strbuf *b, const site *s) {
  strbuf_printf(b, "%s(", candidates_name(s->kind));
  unsigned n = LLVMGetNumArgOperands(s->call);
  for (unsigned i = 0; i < n; i++) {
    if (i)
      strbuf_printf(b, ", ");
    describe_arg(m, b, LLVMGetOperand(s->call, i), 0);
  }
  strbuf_printf(b, ")");
}

static const char *callee_name(LLVMValueRef callee) {
  size_t len;
  return callee ? LLVMGetValueName2(callee, &len) : "?";
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
    strbuf_printf(b, "function may be on a call cycle through a function pointer or "
                     "code outside the module (%llu > %llu bytes per frame)",
                  (unsigned long long)s->detail, (unsigned long long)c->max_cycle_frame);
    return;
  case REFUSE_FREED_WITH_OTHERS:
  case REFUSE_FREED_BY_CALLEE:
  case REFUSE_FREE_INVOKE: {
    const char *what = s->verdict == REFUSE_FREED_WITH_OTHERS
                           ? "freed through a pointer that may hold other memory"
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
  char *file = escape_xrealloc(NULL, p.file_len + 1);
  memcpy(file, p.file, p.file_len);
  file[p.file_len] = 0;
  m->lines[m->nlines] = (report_line){.file = file, .line = p.line, .col = p.col,
                                      .ir = p.ir, .text = text, .extra = extra,
                                      .order = m->nlines};
  m->nlines++;
}

/* --- flows ---------------------------------------------------------------- */

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

/* One step of a flow: the value the object travelled through, in Go's
 * layout ("from NAME (WHAT) at POS"). Content nodes say which object's
 * memory held it; helper nodes are skipped. */
static void flow_step(escape_module *m, strbuf *b, const graph *g, node_id n,
                      const char *sitename) {
  const node *nd = &g->nodes[n];
  char name[NAME_CAP];
  if (nd->value && LLVMIsAInstruction(nd->value)) {
    LLVMValueRef v = nd->value;
    if (sitename) {
      value_name(m, v, name);
      strbuf_printf(b, "    from %s%s%s at ", name, name[0] ? " = " : "", sitename);
    } else
      strbuf_printf(b, "    from %s (%s) at ", flow_name(m, v, name),
                    LLVMIsALoadInst(v)              ? "load"
                    : LLVMIsAPHINode(v)             ? "phi"
                    : LLVMIsASelectInst(v)          ? "select"
                    : LLVMIsAGetElementPtrInst(v)   ? "address arithmetic"
                    : LLVMIsACallInst(v) || LLVMIsAInvokeInst(v) ? "call result"
                    : LLVMIsACastInst(v)            ? "conversion"
                    : LLVMIsAInsertValueInst(v) || LLVMIsAExtractValueInst(v)
                        ? "struct value"
                        : "assign");
    format_position(b, position_of(m, v));
    strbuf_printf(b, "\n");
    return;
  }
  if (nd->owner == NO_ID || g->objects[nd->owner].kind == OBJ_EXT)
    return;
  const object *h = &g->objects[nd->owner];
  if (!h->origin || !LLVMIsAInstruction(h->origin))
    return;
  value_name(m, h->origin, name);
  strbuf_printf(b, "    from *%s (stored in memory)\n", name[0] ? name : "object");
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

/* The chain from the allocation to where it escaped. Through memory that
 * escapes, the chain goes on with that memory's own chain. */
static void explain_flow(escape_module *m, strbuf *b, const graph *g,
                         object_id o, const char *sitename) {
  char name[NAME_CAP];
  for (unsigned hop = 0; hop < MAX_FLOW_HOPS; hop++) {
    const object *obj = &g->objects[o];
    const escape_cause *c = &obj->cause;
    LLVMValueRef holder = obj->address != NO_ID ? g->nodes[obj->address].value : NULL;
    value_name(m, holder ? holder : obj->origin, name);
    strbuf_printf(b, "  flow: {heap} = %s:\n",
                  name[0] ? name : hop == 0 ? sitename : "object");
    node_id path[64];
    uint32_t n = flow_path(g, o, obj->address, c->node, path, 64);
    /* path[n-1] is the allocation; path[0] is where it escaped: a sink's
     * own node is named on the last line, a content or result node is not
     * a value, so the one before it is. */
    if (hop == 0 && obj->address != NO_ID)
      flow_step(m, b, g, obj->address, sitename);
    for (uint32_t i = n - 1; i >= 1 && i < n; i--)
      if (path[i] != obj->address)
        flow_step(m, b, g, path[i], NULL);
    node_id last = n >= 2 ? path[1] : n == 1 ? path[0] : NO_ID;
    if (n >= 1 && g->nodes[path[0]].value)
      last = path[0];
    LLVMValueRef lastv = last != NO_ID ? g->nodes[last].value : NULL;
    LLVMValueRef where = c->inst;
    if (!where && lastv)
      where = exit_of(lastv);
    const char *lastname = !lastv ? "value"
                           : hop == 0 && lastv == obj->origin && !value_name(m, lastv, name)[0]
                               ? sitename
                               : flow_name(m, lastv, name);
    strbuf_printf(b, "    from %s (", lastname);
    describe_escape(b, g, c);
    strbuf_printf(b, ")");
    if (where) {
      strbuf_printf(b, " at ");
      format_position(b, position_of(m, where));
    }
    strbuf_printf(b, "\n");
    bool via_holder = c->reason == REASON_STORED || c->reason == REASON_CONTENT;
    if (!via_holder || c->container == NO_ID)
      return;
    const object *h = &g->objects[c->container];
    if (h->kind != OBJ_SITE && h->kind != OBJ_ALLOCA)
      return;
    o = c->container;
  }
}

/* Prefixes every line of body with the position, as Go does. */
static char *prefix_lines(const char *body, position p) {
  strbuf out = {0}, pos = {0};
  format_position(&pos, p);
  for (const char *line = body; *line;) {
    const char *end = strchr(line, '\n');
    size_t len = end ? (size_t)(end - line) : strlen(line);
    strbuf_printf(&out, "%s: %.*s\n", pos.data, (int)len, line);
    line += len + (end ? 1 : 0);
  }
  strbuf_free(&pos);
  return out.data;
}

/* --- sites and parameters ------------------------------------------------- */

static void remark_site(escape_module *m, const site *s, const char *desc,
                        const char *reason) {
  const escape_services *sv = m->services;
  if (!sv->remark || !sv->remarks_enabled(sv->ctx, s->fn))
    return;
  char size[32];
  snprintf(size, sizeof size, "%llu", (unsigned long long)s->size);
  if (s->verdict == REFUSE_NONE) {
    escape_remark_arg args[] = {{"Site", desc},
                                {NULL, " does not escape: moved to the stack ("},
                                {"Bytes", size},
                                {NULL, " bytes)"}};
    sv->remark(sv->ctx, ESCAPE_REMARK_PASSED, s->call, 0, "MovedToStack", args, 4);
    return;
  }
  bool kept_local = s->verdict == REFUSE_OPTNONE ||
                    s->verdict == REFUSE_REPORT_ONLY || s->verdict == REFUSE_ADDRSPACE;
  const char *why = s->verdict == REFUSE_OPTNONE ? "optnone function; compile with -O1 or higher"
                    : s->verdict == REFUSE_REPORT_ONLY
                        ? "-escape-report-only"
                        : "the target's stack is not in address space 0";
  escape_remark_arg args[] = {
      {"Site", desc},
      {NULL, kept_local ? " does not escape, not moved: " : " escapes to heap: "},
      {"Reason", kept_local ? why : reason}};
  sv->remark(sv->ctx, ESCAPE_REMARK_MISSED, s->call, 0, "StaysOnHeap", args, 3);
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

/* While the graph is there: how an escaping site escapes, and the flow. */
static void explain_site(escape_module *m, const graph *g, object_id o) {
  site *s = &m->sites[g->objects[o].site];
  if (s->verdict != REFUSE_ESCAPES || s->reason || already_reported(m, s->call))
    return;
  strbuf reason = {0};
  describe_escape(&reason, g, &g->objects[o].cause);
  s->reason = reason.data;
  if (m->config->m >= 2) {
    strbuf desc = {0}, flow = {0};
    describe_site(m, &desc, s);
    explain_flow(m, &flow, g, o, desc.data);
    s->flow = flow.data ? flow.data : escape_xcalloc(1, 1);
    strbuf_free(&desc);
  }
}

static void report_site(escape_module *m, site *s) {
  if (already_reported(m, s->call))
    return;
  strbuf desc = {0}, reason = {0}, text = {0};
  describe_site(m, &desc, s);
  describe_refusal(m, &reason, s);
  strbuf_printf(&text, "%s%s%s", desc.data, verdict_suffix(s->verdict),
                reason.data ? reason.data : "");
  position p = position_of(m, s->call);
  char *extra = s->flow ? prefix_lines(s->flow, p) : NULL;
  add_line(m, p, text.data, extra);
  remark_site(m, s, desc.data, reason.data ? reason.data : "");
  mark_reported(m, s->call);
  strbuf_free(&desc);
  strbuf_free(&reason);
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
    position p = {0};
    size_t len;
    if (line) {
      p.file = LLVMGetDebugLocFilename(g->fn, &p.file_len);
      p.line = line;
    } else {
      p.file = LLVMGetValueName2(g->fn, &len);
      p.file_len = (unsigned)len;
      p.ir = true;
    }
    strbuf text = {0};
    strbuf_printf(&text, param_verdict(&fs->params[i], returns_pointer), name);
    if (sv->remark && sv->remarks_enabled(sv->ctx, g->fn)) {
      escape_remark_arg args[] = {{"Tag", text.data}};
      sv->remark(sv->ctx, ESCAPE_REMARK_ANALYSIS, g->fn, line, "ParamTag", args, 1);
    }
    add_line(m, p, text.data, NULL);
  }
  mark_reported(m, g->fn);
}

static bool reporting(const escape_module *m, LLVMValueRef fn) {
  return m->config->m > 0 || m->mode == ESCAPE_MODE_PRINT ||
         (m->services->remarks_enabled &&
          m->services->remarks_enabled(m->services->ctx, fn));
}

void report_function(escape_module *m, graph *g) {
  if (!reporting(m, g->fn))
    return;
  for (object_id o = 0; o < g->nobjects; o++)
    if (g->objects[o].kind == OBJ_SITE)
      explain_site(m, g, o);
  report_params(m, g);
}

void report_sites(escape_module *m) {
  for (uint32_t i = 0; i < m->nsites; i++)
    if (reporting(m, m->sites[i].fn))
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
      format_position(&pos, (position){l->file, (unsigned)strlen(l->file), l->line,
                                       l->col, l->ir});
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
}
