/* wrappers.c — allocation and release wrappers: which functions are, and
 * which of their calls are inlined (see include/escape/wrappers.h). */
#include "escape/wrappers.h"

#include "escape/decide.h"
#include "escape/report.h"

#include <llvm-c/DebugInfo.h>
#include <stdio.h>

enum {
  WRAPPER_MAX_DEPTH = 4,         /* xstrdup -> xmalloc -> ...: wrappers inlined
                                    from one call */
  WRAPPER_MAX_CALLS = 64         /* calls an inlined body may bring along */
};

/* Small, and without stack variables of its own: inlined into a recursive
 * caller, a wrapper's buffer (char note[2048] for an error message) would
 * join every level's frame, where LLVM's inliner would have kept it out
 * (as it does above 1 KiB), and so would slots an earlier run of escape
 * moved into the wrapper. */
static bool is_small(LLVMValueRef fn) {
  unsigned n = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (++n > WRAPPER_MAX_INSTRUCTIONS || LLVMIsAAllocaInst(i))
        return false;
  return true;
}

/* A body that may be inlined as it is: the one that runs, analysed to the
 * end, small, and not marked to stay out of line. */
static bool inlinable(const graph *g, const fn_summary *s) {
  LLVMTypeRef type = LLVMGlobalGetValueType(s->fn);
  return s->defined && s->exact && !s->over_budget && !g->over_budget &&
         !LLVMIsFunctionVarArg(type) && !decide_has_fn_attr(s->fn, "noinline") &&
         !decide_has_fn_attr(s->fn, "optnone") && is_small(s->fn);
}

static bool is_allocation(libc_call kind) {
  return kind == LIBC_MALLOC || kind == LIBC_CALLOC || kind == LIBC_ALIGNED_ALLOC ||
         kind == LIBC_WRAPPER;
}

/* Everything the result may point to is a site of this function that
 * escapes by being returned: the caller gets fresh memory, or NULL. */
static bool returns_fresh_memory(const escape_module *m, const graph *g) {
  const objset *ret = &g->nodes[g->result].pts;
  bool any = false;
  for (uint32_t i = 0; i < objset_slots(ret); i++) {
    cell_id c = objset_at(ret, i);
    if (c == OBJSET_EMPTY)
      continue;
    const object *o = &g->objects[g->cells[c].object];
    if (o->kind != OBJ_SITE || !is_allocation(m->sites[o->site].kind) ||
        o->cause.reason != REASON_RETURNED)
      return false;
    any = true;
  }
  return any;
}

void wrappers_classify(escape_module *m, const graph *g, fn_summary *s) {
  s->allocator = s->deallocator = false;
  if (!inlinable(g, s))
    return;
  LLVMTypeRef type = LLVMGlobalGetValueType(s->fn);
  LLVMTypeKind ret = LLVMGetTypeKind(LLVMGetReturnType(type));
  if (ret == LLVMPointerTypeKind)
    s->allocator = returns_fresh_memory(m, g);
  else if (ret == LLVMVoidTypeKind && s->nparams == 1)
    s->deallocator = s->params[0].tag == LEAK_FREED;
}

/* A cheap look before the seeking run: a small function shaped like a
 * wrapper (returning a pointer, or taking one and returning nothing) that
 * calls the allocator or free, itself or through such a function. */
static bool shaped_like_wrapper(LLVMValueRef fn, unsigned depth) {
  LLVMTypeRef type = LLVMGlobalGetValueType(fn);
  LLVMTypeKind ret = LLVMGetTypeKind(LLVMGetReturnType(type));
  if (LLVMIsDeclaration(fn) ||
      (ret != LLVMPointerTypeKind && !(ret == LLVMVoidTypeKind && LLVMCountParams(fn) == 1)))
    return false;
  unsigned n = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i))
      if (++n > WRAPPER_MAX_INSTRUCTIONS)
        return false;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
      if (LLVMGetInstructionOpcode(i) != LLVMCall)
        continue;
      libc_call kind = candidates_classify(i);
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if ((kind != LIBC_NONE && kind != LIBC_REALLOC) ||
          (depth + 1 < WRAPPER_MAX_DEPTH && LLVMIsAFunction(callee) && callee != fn &&
           shaped_like_wrapper(callee, depth + 1)))
        return true;
    }
  return false;
}

static bool is_called(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (LLVMIsACallInst(user) && LLVMGetCalledValue(user) == fn)
      return true;
  }
  return false;
}

bool wrappers_possible(LLVMModuleRef module) {
  for (LLVMValueRef fn = LLVMGetFirstFunction(module); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn) && is_called(fn) && shaped_like_wrapper(fn, 0))
      return true;
  return false;
}

/* --- inlining ------------------------------------------------------------- */

/* What the report says of an inlined allocation: where and as what the
 * caller called the wrapper. */
typedef struct wrapper_call {
  LLVMMetadataRef position;
  const char *text;
  size_t len;
} wrapper_call;

static const fn_summary *wrapper_of(escape_module *m, LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!callee || !LLVMIsAFunction(callee))
    return NULL;
  const fn_summary *s = module_summary(m, callee);
  return s && (s->allocator || s->deallocator) ? s : NULL;
}

static void mark_allocation(escape_module *m, LLVMValueRef call, const wrapper_call *w) {
  if (LLVMGetMetadata(call, m->md_wrapper))
    return;
  LLVMMetadataRef text = LLVMMDStringInContext2(m->context, w->text, w->len);
  LLVMSetMetadata(call, m->md_wrapper,
                  LLVMMetadataAsValue(m->context, LLVMMDNodeInContext2(m->context, &text, 1)));
  if (w->position)
    LLVMInstructionSetDebugLoc(call, w->position);
  /* the wrapper's own site was reported in its compile; this one is new */
  LLVMSetMetadata(call, m->md_reported, NULL);
}

/* Inlines one call and, within what it brought, the calls to wrappers;
 * the allocations that arrive are marked with the outermost call. */
static bool inline_call(escape_module *m, LLVMValueRef call, const wrapper_call *w,
                        unsigned depth) {
  const escape_services *sv = m->services;
  LLVMValueRef inlined[WRAPPER_MAX_CALLS];
  int n = sv->inline_call ? sv->inline_call(sv->ctx, call, inlined, WRAPPER_MAX_CALLS) : -1;
  if (n < 0)
    return false;
  for (int i = 0; i < n; i++) {
    libc_call kind = candidates_classify(inlined[i]);
    if (kind != LIBC_NONE && kind != LIBC_FREE && kind != LIBC_REALLOC && w->text)
      mark_allocation(m, inlined[i], w);
    else if (kind == LIBC_NONE && depth + 1 < WRAPPER_MAX_DEPTH && wrapper_of(m, inlined[i]))
      inline_call(m, inlined[i], w, depth + 1);
  }
  return true;
}

/* The caller's call as its text: "xmalloc(n)". */
static wrapper_call describe(escape_module *m, LLVMValueRef call, strbuf *text) {
  size_t len;
  const char *name = LLVMGetValueName2(LLVMGetCalledValue(call), &len);
  char callee[128];
  snprintf(callee, sizeof callee, "%.*s", (int)len, name);
  report_describe_call(m, text, call, callee);
  return (wrapper_call){LLVMInstructionGetDebugLoc(call), text->data, text->len};
}

static bool inline_site(escape_module *m, const site *s) {
  for (uint32_t i = 0; i < s->nfrees; i++)
    if (candidates_classify(s->frees[i]) != LIBC_FREE) {
      wrapper_call none = {0};
      inline_call(m, s->frees[i], &none, 0);
    }
  strbuf text = {0};
  wrapper_call w = describe(m, s->call, &text);
  bool inlined = inline_call(m, s->call, &w, 0);
  strbuf_free(&text);
  return inlined;
}

/* Last site first: inlining splits the call's block, moving what follows
 * the call; in reverse order that is only up to the next inlined call, so
 * a block of n wrapper calls costs n, not n squared. */
bool wrappers_inline(escape_module *m) {
  bool inlined = false;
  for (uint32_t i = m->nsites; i-- > 0;) {
    const site *s = &m->sites[i];
    if (s->kind == LIBC_WRAPPER && s->verdict == REFUSE_NONE)
      inlined |= inline_site(m, s);
  }
  return inlined;
}

const char *wrappers_call_text(const escape_module *m, LLVMValueRef call, unsigned *len) {
  LLVMValueRef node = m->md_wrapper ? LLVMGetMetadata(call, m->md_wrapper) : NULL;
  if (!node || LLVMGetMDNodeNumOperands(node) != 1)
    return NULL;
  LLVMValueRef text;
  LLVMGetMDNodeOperands(node, &text);
  return text ? LLVMGetMDString(text, len) : NULL;
}
