/* call.c — the edges of a call (see include/escape/call.h). A call's
 * arguments meet the callee's leak tags here; the result node receives what
 * the callee may return. */
#include "escape/call.h"

#include "escape/candidates.h"
#include "escape/solve.h"

#include <stdlib.h>
#include <string.h>

/* ModRef bits of the "memory" attribute: two per location, Mod is 2. */
#define MEMORY_ANY_WRITE 0xAAAAAAAAu
#define MEMORY_ANY_READ 0x55555555u

static uint32_t memory_effects(graph *g, LLVMValueRef call, LLVMValueRef fn) {
  unsigned kind = g->module->attrs.memory;
  uint32_t effects = UINT32_MAX;
  if (!kind)
    return effects;
  LLVMAttributeRef a =
      LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, kind);
  if (a)
    effects &= (uint32_t)LLVMGetEnumAttributeValue(a);
  if (fn && (a = LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind)))
    effects &= (uint32_t)LLVMGetEnumAttributeValue(a);
  return effects;
}

static LLVMAttributeRef param_attr(LLVMValueRef call, LLVMValueRef fn,
                                   unsigned arg, unsigned kind) {
  if (!kind)
    return NULL;
  LLVMAttributeRef a = LLVMGetCallSiteEnumAttribute(call, arg + 1, kind);
  if (!a && fn && arg < LLVMCountParams(fn))
    a = LLVMGetEnumAttributeAtIndex(fn, arg + 1, kind);
  return a;
}

/* What LLVM's attributes promise about one argument of a declaration.
 * `nocapture` / `captures(none)` speak only of the pointer itself: the
 * callee may still capture what it loads through it, and may free it or
 * store into it unless it cannot write memory. We take exactly that much. */
static leak_tag tag_from_attributes(graph *g, LLVMValueRef call, LLVMValueRef fn,
                                    unsigned arg, uint32_t effects) {
  const attr_kinds *k = &g->module->attrs;
  bool not_captured = param_attr(call, fn, arg, k->nocapture) != NULL;
  bool returned = true; /* `nocapture` (before LLVM 21): assume it may be */
  LLVMAttributeRef captures = param_attr(call, fn, arg, k->captures);
  if (captures) { /* captures(...) from LLVM 21: other components << 4 | ret */
    uint32_t info = (uint32_t)LLVMGetEnumAttributeValue(captures);
    not_captured = ((info >> 4) & 0x4) == 0; /* no provenance outside return */
    returned = (info & 0x4) != 0;
  }
  if (!not_captured)
    return LEAK_UNKNOWN;
  bool read_only = (effects & MEMORY_ANY_WRITE) == 0 ||
                   param_attr(call, fn, arg, k->readonly) ||
                   param_attr(call, fn, arg, k->readnone);
  leak_tag tag = LEAK_CONTENT | (returned ? LEAK_RESULT : 0);
  if (!read_only)
    tag |= LEAK_WRITES | LEAK_FREED;
  return tag;
}

/* One call being modelled. */
typedef struct call_site {
  graph *g;
  LLVMValueRef call, callee;
  node_id result;
  escape_reason why;
} call_site;

/* What the callee does with what node n holds, one level of `tag`. */
static void apply_level(const call_site *cs, node_id n, leak_tag tag,
                        unsigned level) {
  const leak_tag *bits = leak_level_bits[level];
  if (tag & bits[LEAK_ESCAPES])
    graph_add_sink(cs->g, n, SINK_ESCAPE, cs->why, cs->call, cs->callee);
  if (tag & bits[LEAK_RETURNED])
    graph_add_copy(cs->g, n, cs->result);
  if (tag & bits[LEAK_IS_FREED])
    graph_add_sink(cs->g, n, SINK_CALLEE_FREE, cs->why, cs->call, cs->callee);
  if (tag & bits[LEAK_IS_WRITTEN])
    graph_add_store(cs->g, n, cs->g->ext_node, ANY_SIZE);
}

static void apply_leak(const call_site *cs, node_id arg, const param_leak *leak) {
  graph *g = cs->g;
  if (arg == NO_ID || !leak->tag)
    return;
  apply_level(cs, arg, leak->tag, 0);
  if (leak->tag & LEAK_HEAP)
    return; /* what it holds escapes with it */
  for (uint32_t i = 0; i < leak->ncontents; i++) {
    const content_leak *c = &leak->contents[i];
    node_id field = graph_new_node(g, NULL); /* arg + offset */
    graph_add_edge(g, arg, field, c->offset == ANY_OFFSET ? DELTA_ANY : c->offset);
    node_id loaded = graph_new_node(g, NULL); /* *(arg + offset) */
    graph_add_load(g, field, loaded, c->size);
    apply_level(cs, loaded, c->tag, 1);
  }
  if (leak->tag & LEAK_DEEP_BITS) {
    /* two or more levels down: the closure of loads, a node loading itself */
    node_id first = graph_new_node(g, NULL), deep = graph_new_node(g, NULL);
    graph_add_load(g, arg, first, ANY_SIZE);
    graph_add_load(g, first, deep, ANY_SIZE);
    graph_add_load(g, deep, deep, ANY_SIZE);
    apply_level(cs, deep, leak->tag, 2);
  }
}

/* A tag from the library table or from attributes: content bits apply to
 * every field. */
static void apply_tag(const call_site *cs, node_id arg, leak_tag tag) {
  content_leak all = {ANY_OFFSET, ANY_SIZE, tag & LEAK_CONTENT_BITS, true};
  param_leak leak = {tag, &all, all.tag ? 1 : 0, 1};
  apply_leak(cs, arg, &leak);
}

static void escape_args(graph *g, LLVMValueRef call, LLVMValueRef callee,
                        escape_reason why) {
  unsigned nargs = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < nargs; i++)
    graph_add_sink(g, graph_value_node(g, LLVMGetOperand(call, i)), SINK_ESCAPE,
                   why, call, callee);
  graph_add_copy(g, g->ext_node, graph_value_node(g, call));
}

static void copy_memory(graph *g, LLVMValueRef call) {
  node_id bytes = graph_new_node(g, NULL);
  graph_add_load(g, graph_value_node(g, LLVMGetOperand(call, 1)), bytes, ANY_SIZE);
  graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), bytes, ANY_SIZE);
}

static bool has_prefix(const char *name, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(name, prefix, n) == 0;
}

static void intrinsic_model(graph *g, LLVMValueRef call, LLVMValueRef fn) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  static const char *const inert[] = {
      "llvm.lifetime.", "llvm.dbg.", "llvm.assume", "llvm.memset.",
      "llvm.experimental.noalias.scope.decl", "llvm.invariant.",
      "llvm.pseudoprobe", "llvm.prefetch", "llvm.objectsize.",
      "llvm.is.constant.", "llvm.sideeffect", "llvm.donothing",
      "llvm.var.annotation", "llvm.stacksave", "llvm.stackrestore",
      "llvm.va_end", "llvm.trap", "llvm.debugtrap", "llvm.ubsantrap"};
  for (size_t i = 0; i < sizeof inert / sizeof *inert; i++)
    if (has_prefix(name, len, inert[i]))
      return;
  if (has_prefix(name, len, "llvm.memcpy") || has_prefix(name, len, "llvm.memmove")) {
    copy_memory(g, call);
    return;
  }
  if (has_prefix(name, len, "llvm.va_start") || has_prefix(name, len, "llvm.va_copy")) {
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), g->ext_node,
                    ANY_SIZE);
    return;
  }
  /* Any other intrinsic: its result may carry its operands' pointers and, if
   * it reads memory, what they point to; if it may write memory, they escape. */
  uint32_t effects = memory_effects(g, call, fn);
  node_id result = graph_value_node(g, call);
  unsigned nargs = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    graph_add_edge(g, arg, result, DELTA_ANY);
    if (effects & MEMORY_ANY_READ)
      graph_add_load(g, arg, result, ANY_SIZE);
    if (effects & MEMORY_ANY_WRITE)
      graph_add_sink(g, arg, SINK_ESCAPE, REASON_CALL_UNKNOWN, call, fn);
  }
}

static void summary_model(graph *g, LLVMValueRef call, fn_summary *callee) {
  unsigned nargs = LLVMGetNumArgOperands(call);
  call_site cs = {g, call, callee->fn, graph_value_node(g, call), REASON_CALL_LEAKS};
  call_site varargs = cs;
  varargs.why = REASON_CALL_VARARGS;
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    if (i < callee->nparams)
      apply_leak(&cs, arg, &callee->params[i]);
    else
      apply_tag(&varargs, arg, LEAK_UNKNOWN);
  }
  if (callee->returns_unknown)
    graph_add_copy(g, g->ext_node, cs.result);
}

static void declaration_model(graph *g, LLVMValueRef call, LLVMValueRef fn) {
  unsigned nargs = LLVMGetNumArgOperands(call);
  node_id result = graph_value_node(g, call);
  call_site cs = {g, call, fn, result, REASON_CALL_UNKNOWN};
  leak_tag *tags = escape_xcalloc(nargs, sizeof *tags);
  leak_tag varargs_tag = LEAK_UNKNOWN;
  bool copies = false;
  int end_pointer = -1;
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  bool known = candidates_builtins_allowed(caller, name) &&
               libc_lookup(name, len, nargs, tags, &varargs_tag, &copies, &end_pointer);
  unsigned nparams = LLVMCountParams(fn);
  uint32_t effects = memory_effects(g, call, fn);
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    leak_tag tag = known ? tags[i]
                   : i < nparams ? tag_from_attributes(g, call, fn, i, effects)
                                 : varargs_tag;
    cs.why = i < nparams || known ? REASON_CALL_UNKNOWN : REASON_CALL_VARARGS;
    apply_tag(&cs, arg, tag);
  }
  if (copies)
    copy_memory(g, call);
  if (end_pointer > 0) { /* *endptr = arg0 + k */
    node_id into = graph_new_node(g, NULL);
    graph_add_edge(g, graph_value_node(g, LLVMGetOperand(call, 0)), into, DELTA_ANY);
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, (unsigned)end_pointer)),
                    into, ANY_SIZE);
  }
  /* What an unknown function returns may be anything; a known one that
   * returns an integer returns a count or a value, never an address. */
  if (!known || LLVMGetTypeKind(LLVMTypeOf(call)) == LLVMPointerTypeKind)
    graph_add_copy(g, g->ext_node, result);
  free(tags);
}

void call_model(graph *g, LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAInlineAsm(callee)) {
    escape_args(g, call, NULL, REASON_CALL_ASM);
    return;
  }
  if (!LLVMIsAFunction(callee) ||
      LLVMGetCalledFunctionType(call) != LLVMGlobalGetValueType(callee)) {
    escape_args(g, call, NULL, REASON_CALL_INDIRECT);
    return;
  }
  if (LLVMGetIntrinsicID(callee)) {
    intrinsic_model(g, call, callee);
    return;
  }
  fn_summary *s = module_summary(g->module, callee);
  if (s && s->defined && s->exact) {
    summary_model(g, call, s);
    return;
  }
  if (LLVMIsDeclaration(callee)) {
    declaration_model(g, call, callee);
    return;
  }
  escape_args(g, call, callee, REASON_CALL_UNKNOWN); /* interposable body */
}
