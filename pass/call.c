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
 * store into it unless it cannot write memory. We take exactly that much.
 * Returning the pointer is a capture for `nocapture` (LLVM 19 marks such an
 * argument `returned` instead); captures(...) says it in its ret part. */
static leak_tag tag_from_attributes(graph *g, LLVMValueRef call, LLVMValueRef fn,
                                    unsigned arg, uint32_t effects) {
  const attr_kinds *k = &g->module->attrs;
  bool not_captured = param_attr(call, fn, arg, k->nocapture) != NULL;
  bool returned = param_attr(call, fn, arg, k->returned) != NULL;
  LLVMAttributeRef captures = param_attr(call, fn, arg, k->captures);
  if (captures) { /* captures(...) from LLVM 21: other components << 4 | ret */
    uint32_t info = (uint32_t)LLVMGetEnumAttributeValue(captures);
    not_captured = ((info >> 4) & 0x4) == 0; /* no provenance outside return */
    returned |= (info & 0x4) != 0;
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

/* What the callee does with what node n holds, one level of `tag`; what it
 * returns is n plus delta bytes. */
static void apply_level(const call_site *cs, node_id n, leak_tag tag, unsigned level,
                        int32_t delta) {
  graph *g = cs->g;
  const leak_tag *bits = leak_level_bits[level];
  if (tag & bits[LEAK_ESCAPES])
    graph_add_sink(g, n, SINK_ESCAPE, cs->why, cs->call, cs->callee);
  if (tag & bits[LEAK_RETURNED]) /* return &p->items[k]: the offset matters */
    graph_add_edge(g, n, cs->result, delta);
  if (tag & bits[LEAK_IS_FREED])
    graph_add_sink(g, n, SINK_CALLEE_FREE, cs->why, cs->call, cs->callee);
  if (level > 0 && (tag & bits[LEAK_IS_WRITTEN]))
    graph_add_store(g, n, g->ext_node, ANY_SIZE, false);
  if (level > 0 && (tag & bits[LEAK_IS_NUMBERED]))
    graph_add_store(g, n, NO_ID, ANY_SIZE, true);
}

/* The callee wrote pointers ({ext} to the caller) or numbers ({num}) into
 * these bytes of what arg points to. */
static void apply_writes(call_site *cs, node_id arg, const param_leak *leak) {
  graph *g = cs->g;
  for (uint32_t i = 0; i < leak->nwrites; i++) {
    const write_range *w = &leak->writes[i];
    node_id at = graph_new_node(g, NULL); /* arg + offset */
    graph_add_edge(g, arg, at, w->offset == ANY_OFFSET ? DELTA_ANY : w->offset);
    if (w->written & WRITTEN_POINTER)
      graph_add_store(g, at, g->ext_node, w->size, false);
    if (w->written & WRITTEN_NUMBER)
      graph_add_store(g, at, NO_ID, w->size, true);
  }
}

static void apply_leak(call_site *cs, node_id arg, const param_leak *leak) {
  graph *g = cs->g;
  if (arg == NO_ID || !leak->tag)
    return;
  apply_level(cs, arg, leak->tag, 0, leak->result_delta);
  if (leak->tag & LEAK_HEAP)
    return; /* what it holds escapes with it */
  apply_writes(cs, arg, leak);
  for (uint32_t i = 0; i < leak->ncontents; i++) {
    const content_leak *c = &leak->contents[i];
    node_id field = graph_new_node(g, NULL); /* arg + offset */
    graph_add_edge(g, arg, field, c->offset == ANY_OFFSET ? DELTA_ANY : c->offset);
    node_id loaded = graph_new_node(g, NULL); /* *(arg + offset) */
    /* as the callee reads it: a number, or bytes that may hold pointers */
    graph_add_load(g, field, loaded, c->size, c->pointer ? LOAD_POINTER : LOAD_NUMBER);
    apply_level(cs, loaded, c->tag, 1, c->result_delta);
  }
  if (leak->tag & LEAK_DEEP_BITS) {
    /* two or more levels down: the closure of loads, a node loading itself */
    node_id first = graph_new_node(g, NULL), deep = graph_new_node(g, NULL);
    graph_add_load(g, arg, first, ANY_SIZE, LOAD_POINTER);
    graph_add_load(g, first, deep, ANY_SIZE, LOAD_POINTER);
    graph_add_load(g, deep, deep, ANY_SIZE, LOAD_POINTER);
    apply_level(cs, deep, leak->tag, 2, DELTA_ANY);
  }
}

/* A tag from the library table or from attributes: content bits apply to
 * every field; a result points anywhere into the argument. */
static void apply_tag(call_site *cs, node_id arg, leak_tag tag) {
  content_leak all = {ANY_OFFSET, ANY_SIZE, tag & LEAK_CONTENT_BITS, DELTA_ANY, true};
  write_range anywhere = {ANY_OFFSET, ANY_SIZE, WRITTEN_POINTER | WRITTEN_NUMBER};
  param_leak leak = {tag, DELTA_ANY, &all, all.tag ? 1 : 0, 1,
                     &anywhere, (tag & LEAK_WRITES) ? 1 : 0, 1};
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

/* *dst receives *src's bytes; how many depends on len. */
static void copy_memory(graph *g, LLVMValueRef dst, LLVMValueRef src, LLVMValueRef len) {
  node_id bytes = graph_new_node(g, NULL);
  graph_add_load(g, graph_value_node(g, src), bytes, ANY_SIZE, LOAD_BYTES);
  graph_add_edge(g, graph_value_node(g, len), bytes, DELTA_ANY);
  graph_add_store(g, graph_value_node(g, dst), bytes, ANY_SIZE, false);
}

static bool has_prefix(const char *name, size_t len, const char *prefix) {
  size_t n = strlen(prefix);
  return len >= n && memcmp(name, prefix, n) == 0;
}

static void intrinsic_model(graph *g, LLVMValueRef call, LLVMValueRef fn) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  static const char *const inert[] = {
      "llvm.lifetime.", "llvm.dbg.", "llvm.assume", "llvm.experimental.noalias.scope.decl",
      "llvm.invariant.", "llvm.pseudoprobe", "llvm.prefetch", "llvm.objectsize.",
      "llvm.is.constant.", "llvm.sideeffect", "llvm.donothing",
      "llvm.var.annotation", "llvm.stacksave", "llvm.stackrestore",
      "llvm.va_end", "llvm.trap", "llvm.debugtrap", "llvm.ubsantrap"};
  for (size_t i = 0; i < sizeof inert / sizeof *inert; i++)
    if (has_prefix(name, len, inert[i]))
      return;
  if (has_prefix(name, len, "llvm.memcpy") || has_prefix(name, len, "llvm.memmove")) {
    copy_memory(g, LLVMGetOperand(call, 0), LLVMGetOperand(call, 1),
                LLVMGetOperand(call, 2));
    return;
  }
  if (has_prefix(name, len, "llvm.memset")) { /* the byte and the length */
    LLVMValueRef byte = LLVMGetOperand(call, 1);
    node_id bytes = graph_new_node(g, NULL);
    graph_add_edge(g, graph_value_node(g, byte), bytes, DELTA_ANY);
    graph_add_edge(g, graph_value_node(g, LLVMGetOperand(call, 2)), bytes, DELTA_ANY);
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), bytes, ANY_SIZE,
                    !graph_is_zero(byte));
    return;
  }
  if (has_prefix(name, len, "llvm.va_start") || has_prefix(name, len, "llvm.va_copy")) {
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), g->ext_node,
                    ANY_SIZE, false);
    return;
  }
  /* Any other intrinsic: its result may carry its operands' bits and, if it
   * reads memory, what they point to; if it may write memory, they escape. */
  uint32_t effects = memory_effects(g, call, fn);
  node_id result = graph_value_node(g, call);
  load_kind kind = result == NO_ID ? LOAD_NUMBER : graph_load_kind(LLVMTypeOf(call));
  unsigned nargs = LLVMGetNumArgOperands(call);
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    graph_add_edge(g, arg, result, DELTA_ANY);
    if (effects & MEMORY_ANY_READ)
      graph_add_load(g, arg, result, ANY_SIZE, kind);
    if (effects & MEMORY_ANY_WRITE)
      graph_add_sink(g, arg, SINK_ESCAPE, REASON_CALL_UNKNOWN, call, fn);
  }
}

/* --- the C library -------------------------------------------------------- */

/* The bytes of a constant C string (a format), up to its NUL. */
static const char *constant_string(LLVMValueRef v, size_t *len) {
  if (LLVMIsAConstantExpr(v) && LLVMGetConstOpcode(v) == LLVMGetElementPtr) {
    for (unsigned i = 1; i < (unsigned)LLVMGetNumOperands(v); i++)
      if (!LLVMIsNull(LLVMGetOperand(v, i)))
        return NULL;
    v = LLVMGetOperand(v, 0);
  }
  if (!LLVMIsAGlobalVariable(v) || !LLVMIsGlobalConstant(v) || LLVMIsDeclaration(v))
    return NULL;
  LLVMValueRef init = LLVMGetInitializer(v);
  if (!init || !LLVMIsAConstantDataSequential(init) || !LLVMIsConstantString(init))
    return NULL;
  const char *s = LLVMGetAsString(init, len);
  *len = strnlen(s, *len);
  return s;
}

/* Which letters need a pointer argument, and which a number. */
static bool letter_fits(char letter, LLVMValueRef arg) {
  bool pointer = LLVMGetTypeKind(LLVMTypeOf(arg)) == LLVMPointerTypeKind;
  return strchr("nroiIwWsek", letter) ? pointer : !pointer;
}

/* One call to a known library function, argument by argument. */
typedef struct libc_call_site {
  call_site cs;
  const libc_model *model;
  node_id bytes;   /* what the w/W arguments receive, or NO_ID */
  bool number;     /* ... and whether that includes numbers written as bytes */
  node_id read;    /* the bytes read from n/r/o/s arguments, or NO_ID */
} libc_call_site;

static node_id bytes_node(libc_call_site *lc) {
  if (lc->bytes == NO_ID)
    lc->bytes = graph_new_node(lc->cs.g, NULL);
  return lc->bytes;
}

static node_id read_node(libc_call_site *lc) {
  if (lc->read == NO_ID)
    lc->read = graph_new_node(lc->cs.g, NULL);
  return lc->read;
}

static void libc_fixed_arg(libc_call_site *lc, unsigned i, char letter) {
  call_site *cs = &lc->cs;
  graph *g = cs->g;
  node_id arg = graph_value_node(g, LLVMGetOperand(cs->call, i));
  if (strchr("nros", letter)) /* what a c or p result, or a scanf, reads */
    graph_add_load(g, arg, read_node(lc), ANY_SIZE, LOAD_BYTES);
  if (strchr("rIW", letter)) /* the result may point anywhere into it */
    graph_add_edge(g, arg, cs->result, DELTA_ANY);
  if (!strchr("nroiIwWsek", letter)) /* a number: the result may be computed from it */
    graph_add_edge(g, arg, cs->result, DELTA_ANY);
  cs->why = REASON_OUTPUT;
  switch (letter) {
  case 'o':
    apply_tag(cs, arg, LEAK_CONTENT);
    return;
  case 'b':
    graph_add_sink(g, arg, SINK_ESCAPE, REASON_OUTPUT, cs->call, cs->callee);
    return;
  case 'i':
  case 'I': /* bytes from outside may be any address */
    graph_add_store(g, arg, g->ext_node, ANY_SIZE, true);
    return;
  case 's':
    graph_add_load(g, arg, bytes_node(lc), ANY_SIZE, LOAD_BYTES);
    return;
  case 'v':
    lc->number |= !graph_is_zero(LLVMGetOperand(cs->call, i));
    /* fall through */
  case 'l':
    graph_add_edge(g, arg, bytes_node(lc), DELTA_ANY);
    return;
  case 'e': { /* *endptr = arg0 + k */
    node_id into = graph_new_node(g, NULL);
    graph_add_edge(g, graph_value_node(g, LLVMGetOperand(cs->call, 0)), into, DELTA_ANY);
    graph_add_store(g, arg, into, ANY_SIZE, false);
    return;
  }
  case 'k':
    cs->why = REASON_CALL_UNKNOWN;
    apply_tag(cs, arg, LEAK_UNKNOWN);
    return;
  default: /* n, r, w, W, d: nothing more here */
    return;
  }
}

/* The variadic arguments of printf, sprintf and scanf. A printf format we
 * cannot read makes every argument escape with what it points to; an
 * unread sprintf format writes both their bits and their bytes. */
static void libc_varargs(libc_call_site *lc) {
  call_site *cs = &lc->cs;
  graph *g = cs->g;
  unsigned nargs = LLVMGetNumArgOperands(cs->call), first = lc->model->nfixed;
  char classes[64];
  unsigned nclasses = 0;
  size_t len;
  const char *fmt = constant_string(LLVMGetOperand(cs->call, first - 1), &len);
  bool read = fmt && libc_printf_format(fmt, len, classes, sizeof classes, &nclasses);
  char convention = lc->model->varargs;
  if (convention == 'S')
    lc->number = true; /* digits */
  for (unsigned i = first; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(cs->call, i));
    char class = !read ? '?' : i - first < nclasses ? classes[i - first] : 0;
    cs->why = REASON_OUTPUT;
    if (convention == 'C') { /* receives what is parsed */
      node_id parsed = read_node(lc);
      graph_add_copy(g, g->ext_node, parsed);
      graph_add_store(g, arg, parsed, ANY_SIZE, true);
    } else if (convention == 'P') {
      if (class == 'b')
        graph_add_sink(g, arg, SINK_ESCAPE, REASON_OUTPUT, cs->call, cs->callee);
      else if (class == 's')
        apply_tag(cs, arg, LEAK_CONTENT);
      else if (class == '?')
        apply_tag(cs, arg, LEAK_UNKNOWN);
    } else {
      if (class == 'b' || class == '?')
        graph_add_edge(g, arg, bytes_node(lc), DELTA_ANY);
      if (class == 's' || class == '?')
        graph_add_load(g, arg, bytes_node(lc), ANY_SIZE, LOAD_BYTES);
    }
  }
}

/* Returns false if the call does not fit the table's signature (a pointer
 * where a number is expected, or the reverse): then it is unknown. */
static bool libc_model_call(graph *g, LLVMValueRef call, LLVMValueRef fn,
                            const libc_model *model) {
  for (unsigned i = 0; i < model->nfixed; i++)
    if (!letter_fits(model->args[i], LLVMGetOperand(call, i)))
      return false;
  libc_call_site lc = {{g, call, fn, graph_value_node(g, call), REASON_OUTPUT},
                       model, NO_ID, false, NO_ID};
  for (unsigned i = 0; i < model->nfixed; i++)
    libc_fixed_arg(&lc, i, model->args[i]);
  if (model->varargs)
    libc_varargs(&lc);
  if (lc.bytes != NO_ID)
    for (unsigned i = 0; i < model->nfixed; i++)
      if (model->args[i] == 'w' || model->args[i] == 'W')
        graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, i)), lc.bytes,
                        ANY_SIZE, lc.number);
  node_id result = lc.cs.result;
  if (model->result == 'c' || model->result == 'p') {
    graph_add_filtered_copy(g, lc.read, result, DELTA_DROP_NUM);
    graph_add_filtered_copy(g, lc.bytes, result, DELTA_DROP_NUM);
  }
  if (model->result == 'p' || model->result == 'x')
    graph_add_copy(g, g->ext_node, result);
  return true;
}

/* --- functions of the module and declarations ----------------------------- */

void call_model_arguments(graph *g, LLVMValueRef call, const fn_summary *callee) {
  unsigned nargs = LLVMGetNumArgOperands(call);
  call_site cs = {g, call, callee->fn, graph_value_node(g, call), REASON_CALL_LEAKS};
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    if (i < callee->nparams) {
      apply_leak(&cs, arg, &callee->params[i]);
    } else {
      cs.why = REASON_CALL_VARARGS;
      apply_tag(&cs, arg, LEAK_UNKNOWN);
      cs.why = REASON_CALL_LEAKS;
    }
  }
}

static void summary_model(graph *g, LLVMValueRef call, fn_summary *callee) {
  call_model_arguments(g, call, callee);
  if (callee->returns_unknown)
    graph_add_copy(g, g->ext_node, graph_value_node(g, call));
}

static void declaration_model(graph *g, LLVMValueRef call, LLVMValueRef fn) {
  unsigned nargs = LLVMGetNumArgOperands(call);
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
  libc_model model;
  if (candidates_builtins_allowed(caller, name) &&
      libc_lookup(name, len, nargs, &model) && libc_model_call(g, call, fn, &model))
    return;
  call_site cs = {g, call, fn, graph_value_node(g, call), REASON_CALL_UNKNOWN};
  unsigned nparams = LLVMCountParams(fn);
  uint32_t effects = memory_effects(g, call, fn);
  for (unsigned i = 0; i < nargs; i++) {
    node_id arg = graph_value_node(g, LLVMGetOperand(call, i));
    leak_tag tag = i < nparams ? tag_from_attributes(g, call, fn, i, effects)
                               : LEAK_UNKNOWN;
    cs.why = i < nparams ? REASON_CALL_UNKNOWN : REASON_CALL_VARARGS;
    apply_tag(&cs, arg, tag);
  }
  graph_add_copy(g, g->ext_node, cs.result); /* an unknown function returns anything */
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
  if (s && s->over_budget) { /* no summary: its solver stopped short */
    escape_args(g, call, callee, REASON_CALL_BUDGET);
    return;
  }
  if (s && s->defined && s->exact) {
    summary_model(g, call, s);
    return;
  }
  if (LLVMIsDeclaration(callee)) {
    declaration_model(g, call, callee);
    return;
  }
  /* a body that may not be the one that runs (weak, C99 inline, interposable) */
  escape_args(g, call, callee, REASON_CALL_REPLACEABLE);
}
