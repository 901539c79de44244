/* stack.c — what escape adds to the stack (see include/escape/stack.h).
 *
 * A moved allocation sits in its function's frame on every call, so the
 * question is how many frames can hold it at once, and what a frame holds
 * once the inliner has merged callees into it. The stage works on a call
 * graph with every edge the module can see and the ones it cannot:
 *
 *   F -> G         a direct call to a function defined here
 *   F -> indirect  a call through a pointer: indirect -> every function
 *                  whose address is taken, and -> external
 *   F -> external  a call to code outside the module that may call back
 *                  (anything but the C library functions known not to, and
 *                  a definition that may be replaced): external -> every
 *                  function visible outside, and -> indirect
 *
 * Its strongly connected components, callees first, give three kinds of
 * function: on a cycle of direct calls (seen: nothing moves, since its depth
 * has no bound), on a cycle only through indirect or external (possible:
 * at most -escape-max-cycle-frame bytes per frame), and the rest
 * (-escape-max-frame per frame). Then, bottom-up, each function's frame is
 * its own slots (those of an earlier run of escape included) plus the
 * frames of the callees the inliner may merge into it, and its path is its
 * frame plus the heaviest path below it; candidates are admitted in source
 * order while both fit, and every path stays within -escape-max-stack. The
 * inliner is kept to that account by `noinline` on call sites: a function
 * on a cycle never receives a callee's slots, and a frame that would exceed
 * its budget gives up inlining its heaviest callees first. Cycles are the
 * one thing the path budget cannot bound: there each frame may add its
 * small allowance, level after level. */
#include "escape/stack.h"

#include "escape/candidates.h"
#include "escape/call.h"
#include "escape/decide.h"

#include <stdlib.h>
#include <string.h>

/* A direct call to a function defined in the module, or a call through a
 * pointer (callee NO_ID), which later passes may turn into a direct call to
 * any function whose address is taken, and inline. */
typedef struct call_edge {
  LLVMValueRef call;
  uint32_t callee;
  bool inlinable; /* the inliner may merge the callee's frame into the caller's */
} call_edge;

typedef struct stack_fn {
  call_edge *calls;
  uint32_t ncalls, capcalls;
  u32vec candidates;  /* module site indices, source order */
  uint64_t existing;  /* bytes of slots an earlier run of escape left */
  uint64_t frame;     /* bytes escape adds to its frame, merged callees included */
  uint64_t path;      /* ... and along the heaviest path from it */
  uint32_t heaviest;  /* the node below it on that path, or NO_ID */
  uint32_t scc;
  bool address_taken, visible, seen, possible, done;
} stack_fn;

typedef struct call_graph {
  escape_module *m;
  uint32_t n;          /* m->nfns functions, then indirect, then external */
  uint32_t indirect, external;
  u32vec *edges;
  stack_fn *fns;       /* n entries; the two pseudo nodes use frame, path */
  unsigned noinline;   /* attribute kind */
  bool pointer_slots;  /* a function whose address is taken may hold slots */
} call_graph;

static uint32_t fn_index(const escape_module *m, LLVMValueRef fn) {
  fn_summary *s = module_summary((escape_module *)m, fn);
  return s ? (uint32_t)(s - m->fns) : NO_ID;
}

static void add_edge(call_graph *cg, uint32_t from, uint32_t to) {
  u32vec *e = &cg->edges[from];
  if (!e->len || e->data[e->len - 1] != to)
    u32vec_push(e, to);
}

/* Is fn's address taken: used other than as the callee of a call? */
static bool address_taken(LLVMValueRef fn) {
  for (LLVMUseRef u = LLVMGetFirstUse(fn); u; u = LLVMGetNextUse(u)) {
    LLVMValueRef user = LLVMGetUser(u);
    if (!LLVMIsACallInst(user) && !LLVMIsAInvokeInst(user) && !LLVMIsACallBrInst(user))
      return true;
    if (LLVMGetCalledValue(user) != fn)
      return true;
    unsigned nargs = LLVMGetNumArgOperands(user);
    for (unsigned i = 0; i < nargs; i++)
      if (LLVMGetOperand(user, i) == fn)
        return true;
  }
  return false;
}

static bool is_visible(LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMInternalLinkage:
  case LLVMPrivateLinkage:
  case LLVMAvailableExternallyLinkage:
    return false;
  default:
    return true;
  }
}

static bool has_fn_attr(LLVMValueRef fn, unsigned kind) {
  return kind && LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind);
}

static bool call_is_noinline(const call_graph *cg, LLVMValueRef call) {
  return cg->noinline &&
         LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, cg->noinline);
}

/* Can a call to this declaration run a function of the program? Not for
 * `nocallback` (GCC's and clang's `leaf`: it returns to this file only by
 * returning), nor for the C library functions known not to. */
static bool may_call_back(LLVMValueRef call, LLVMValueRef callee) {
  unsigned nocallback = LLVMGetEnumAttributeKindForName("nocallback", 10);
  if (nocallback &&
      (LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex, nocallback) ||
       LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, nocallback)))
    return false;
  size_t len;
  const char *name = LLVMGetValueName2(callee, &len);
  return libc_calls_back(name, len);
}

static void add_call(call_graph *cg, uint32_t f, LLVMValueRef call, uint32_t callee,
                     bool inlinable) {
  stack_fn *sf = &cg->fns[f];
  VEC_GROW(sf->calls, sf->ncalls, sf->capcalls);
  sf->calls[sf->ncalls++] = (call_edge){call, callee, inlinable};
}

/* The edges of one call instruction of function f. */
static void call_edges(call_graph *cg, uint32_t f, LLVMValueRef call) {
  escape_module *m = cg->m;
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAInlineAsm(callee)) {
    add_edge(cg, f, cg->external);
    return;
  }
  if (!LLVMIsAFunction(callee)) {
    add_edge(cg, f, cg->indirect);
    /* a constant pointer (IPSCCP, GlobalOpt) makes it direct and inlinable */
    add_call(cg, f, call, NO_ID, !call_is_noinline(cg, call));
    return;
  }
  if (LLVMGetIntrinsicID(callee) || candidates_classify(call) != LIBC_NONE)
    return;
  uint32_t g = fn_index(m, callee);
  if (g != NO_ID && m->fns[g].defined) {
    add_edge(cg, f, g);
    if (!m->fns[g].exact) /* the code that runs may be another's */
      add_edge(cg, f, cg->external);
    add_call(cg, f, call, g, g != f && !call_is_noinline(cg, call) &&
                                 !has_fn_attr(callee, cg->noinline));
    return;
  }
  if (may_call_back(call, callee))
    add_edge(cg, f, cg->external);
}

/* Bytes of the slots an earlier run of escape put in fn's entry block
 * (they may since have been inlined into it). */
static uint64_t existing_slots(const escape_module *m, LLVMValueRef fn) {
  uint64_t bytes = 0;
  LLVMTargetDataRef layout = LLVMGetModuleDataLayout(m->module);
  for (LLVMValueRef i = LLVMGetFirstInstruction(LLVMGetEntryBasicBlock(fn)); i;
       i = LLVMGetNextInstruction(i))
    if (LLVMIsAAllocaInst(i) && LLVMGetMetadata(i, m->md_slot))
      bytes += LLVMABISizeOfType(layout, LLVMGetAllocatedType(i));
  return bytes;
}

/* The text of every inline asm statement of the module, and of its module
 * asm: a function named there may have its address taken there
 * (leaq f(%rip)), which no use in the IR shows. */
static void asm_texts(LLVMModuleRef module, strbuf *out) {
  size_t len;
  const char *text = LLVMGetModuleInlineAsm(module, &len);
  if (len)
    strbuf_printf(out, "%.*s\n", (int)len, text);
  for (LLVMValueRef fn = LLVMGetFirstFunction(module); fn; fn = LLVMGetNextFunction(fn))
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
        LLVMValueRef callee = LLVMIsACallInst(i) || LLVMIsACallBrInst(i) || LLVMIsAInvokeInst(i)
                                  ? LLVMGetCalledValue(i)
                                  : NULL;
        if (callee && LLVMIsAInlineAsm(callee)) {
          text = LLVMGetInlineAsmAsmString(callee, &len);
          strbuf_printf(out, "%.*s\n", (int)len, text);
        }
      }
}

static bool named_in(const strbuf *text, LLVMValueRef fn) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len); /* NUL-terminated */
  return text->len && len && strstr(text->data, name);
}

static void build_graph(call_graph *cg) {
  escape_module *m = cg->m;
  strbuf asm_text = {0}; /* taken addresses that the IR does not show */
  asm_texts(m->module, &asm_text);
  for (uint32_t f = 0; f < m->nfns; f++) {
    LLVMValueRef fn = m->fns[f].fn;
    if (!m->fns[f].defined)
      continue;
    stack_fn *sf = &cg->fns[f];
    sf->address_taken = address_taken(fn) || named_in(&asm_text, fn);
    sf->visible = is_visible(fn);
    sf->existing = existing_slots(m, fn);
    if (sf->address_taken)
      add_edge(cg, cg->indirect, f);
    if (sf->visible)
      add_edge(cg, cg->external, f);
    for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
         bb = LLVMGetNextBasicBlock(bb))
      for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
           i = LLVMGetNextInstruction(i)) {
        LLVMOpcode op = LLVMGetInstructionOpcode(i);
        if (op == LLVMCall || op == LLVMInvoke || op == LLVMCallBr)
          call_edges(cg, f, i);
      }
  }
  add_edge(cg, cg->indirect, cg->external);
  add_edge(cg, cg->external, cg->indirect);
  for (uint32_t s = 0; s < m->nsites; s++)
    if (m->sites[s].verdict == REFUSE_NONE)
      u32vec_push(&cg->fns[fn_index(m, m->sites[s].fn)].candidates, s);
  strbuf_free(&asm_text);
}

/* --- cycles ---------------------------------------------------------------- */

static bool self_loop(const call_graph *cg, uint32_t v) {
  for (uint32_t i = 0; i < cg->edges[v].len; i++)
    if (cg->edges[v].data[i] == v)
      return true;
  return false;
}

/* --- frames and paths ------------------------------------------------------ */

static uint64_t slot_bytes(const site *s) { return decide_slot_bytes(s); }

static void mark_noinline(call_graph *cg, call_edge *e) {
  e->inlinable = false;
  escape_module *m = cg->m;
  if (m->mode == ESCAPE_MODE_TRANSFORM && !m->config->report_only && cg->noinline)
    LLVMAddCallSiteAttribute(
        e->call, LLVMAttributeFunctionIndex,
        LLVMCreateEnumAttribute(m->context, cg->noinline, 0));
}

/* What a callee contributes: its frame if it may be merged in, and the path
 * beyond it. A callee not yet done (on the same cycle) contributes what its
 * candidates could at most. */
static uint64_t callee_frame(const call_graph *cg, uint32_t callee) {
  const stack_fn *g = &cg->fns[callee];
  if (g->done)
    return g->frame;
  uint64_t bytes = g->existing;
  for (uint32_t i = 0; i < g->candidates.len; i++)
    bytes += slot_bytes(&cg->m->sites[g->candidates.data[i]]);
  return bytes;
}

static uint64_t merged_frame(const call_graph *cg, const call_edge *e) {
  return e->callee == NO_ID ? 0 : callee_frame(cg, e->callee);
}

/* May a function whose address is taken hold slots (its candidates, before
 * any is refused)? A call through a pointer may become a call to it. */
static bool pointer_callees_hold_slots(const call_graph *cg) {
  for (uint32_t g = 0; g < cg->m->nfns; g++)
    if (cg->fns[g].address_taken && (cg->fns[g].existing || cg->fns[g].candidates.len))
      return true;
  return false;
}

/* The heaviest path below f's frame, and the node it goes through. */
static uint64_t path_below(const call_graph *cg, const stack_fn *f, uint32_t *through) {
  uint64_t best = 0;
  *through = NO_ID;
  for (uint32_t i = 0; i < f->ncalls; i++) {
    const call_edge *e = &f->calls[i];
    if (e->callee == NO_ID) /* the indirect node's path, below */
      continue;
    const stack_fn *g = &cg->fns[e->callee];
    if (!g->done || g->scc == f->scc)
      continue;
    uint64_t below = e->inlinable ? g->path - g->frame : g->path;
    if (below > best || *through == NO_ID)
      best = below, *through = e->callee;
  }
  uint32_t self = (uint32_t)(f - cg->fns);
  for (uint32_t i = 0; i < cg->edges[self].len; i++) {
    uint32_t w = cg->edges[self].data[i];
    const stack_fn *p = &cg->fns[w];
    if ((w == cg->indirect || w == cg->external) && p->done && p->scc != f->scc &&
        p->path > best)
      best = p->path, *through = w;
  }
  return best;
}

/* Keeps what the inliner may merge into f within limit: on a cycle nothing
 * (a slot inlined into a recursive function is a slot per level), elsewhere
 * the heaviest callees stay out of line first. Returns the merged bytes. */
static uint64_t bound_inlining(call_graph *cg, stack_fn *f, uint64_t limit, bool cycle) {
  uint64_t merged = 0;
  for (uint32_t i = 0; i < f->ncalls; i++) {
    call_edge *e = &f->calls[i];
    if (e->callee == NO_ID) {
      /* once made direct, its callee's slots would join this frame unseen
       * (on a cycle, a frame per level): it stays a call */
      if (e->inlinable && cg->pointer_slots)
        mark_noinline(cg, e);
      continue;
    }
    uint64_t bytes = e->inlinable ? merged_frame(cg, e) : 0;
    if (bytes && cycle)
      mark_noinline(cg, e);
    else
      merged += bytes;
  }
  while (f->existing + merged > limit) {
    call_edge *heaviest = NULL;
    for (uint32_t i = 0; i < f->ncalls; i++)
      if (f->calls[i].inlinable &&
          (!heaviest || merged_frame(cg, &f->calls[i]) > merged_frame(cg, heaviest)))
        heaviest = &f->calls[i];
    if (!heaviest || !merged_frame(cg, heaviest))
      break;
    merged -= merged_frame(cg, heaviest);
    mark_noinline(cg, heaviest);
  }
  return merged;
}

/* "f -> g -> h": the heaviest path from f, for the report. */
static char *describe_path(const call_graph *cg, uint32_t f) {
  strbuf b = {0};
  for (unsigned hop = 0; f != NO_ID && hop < 8; hop++) {
    size_t len = 0;
    const char *name = f == cg->indirect   ? "(call through a pointer)"
                       : f == cg->external ? "(code outside the module)"
                                           : LLVMGetValueName2(cg->m->fns[f].fn, &len);
    strbuf_printf(&b, "%s%.*s", hop ? " -> " : "", len ? (int)len : (int)strlen(name), name);
    f = cg->fns[f].heaviest;
  }
  return b.data;
}

static bool ignorable(LLVMValueRef inst) {
  if (!LLVMIsACallInst(inst))
    return false;
  LLVMValueRef callee = LLVMGetCalledValue(inst);
  return LLVMIsAFunction(callee) && LLVMGetIntrinsicID(callee); /* debug, lifetime */
}

/* A call that may vanish later: an intrinsic, or a function with a body,
 * which the inliner may find empty (a hook). Then the call before it is in
 * tail position. (A free stays in the heap build: there, the call before it
 * was no sibling call either.) */
static bool may_vanish(LLVMValueRef inst) {
  if (!LLVMIsACallInst(inst))
    return false;
  LLVMValueRef callee = LLVMGetCalledValue(inst);
  return LLVMIsAFunction(callee) && (LLVMGetIntrinsicID(callee) || !LLVMIsDeclaration(callee));
}

static LLVMValueRef next_real(LLVMValueRef inst) {
  while (inst && (may_vanish(inst) || LLVMIsAPHINode(inst)))
    inst = LLVMGetNextInstruction(inst);
  return inst;
}

/* Is the call followed by its function's return, in its block or the next,
 * with nothing between but calls that may vanish? */
static bool in_tail_position(LLVMValueRef call) {
  LLVMValueRef next = next_real(LLVMGetNextInstruction(call));
  if (next && LLVMGetInstructionOpcode(next) == LLVMBr && !LLVMIsConditional(next))
    next = next_real(LLVMGetFirstInstruction(LLVMGetSuccessor(next, 0)));
  return next && LLVMGetInstructionOpcode(next) == LLVMRet;
}

/* The call-graph node a call leads to, or NO_ID if it cannot call back. */
static uint32_t call_target(const call_graph *cg, LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (LLVMIsAInlineAsm(callee))
    return cg->external;
  if (!LLVMIsAFunction(callee))
    return cg->indirect;
  if (LLVMGetIntrinsicID(callee) || candidates_classify(call) != LIBC_NONE)
    return NO_ID;
  uint32_t g = fn_index(cg->m, callee);
  if (g != NO_ID && cg->m->fns[g].defined)
    return g;
  return may_call_back(call, callee) ? cg->external : NO_ID;
}

/* Does f end in a call that may come back to it? Such a call can reuse f's
 * frame (a sibling call: constant stack through the whole cycle) only while
 * no slot of f has its address taken. */
static bool ends_in_cycle_call(const call_graph *cg, uint32_t f) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(cg->m->fns[f].fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i; i = LLVMGetNextInstruction(i)) {
      if (!LLVMIsACallInst(i) || ignorable(i) || !in_tail_position(i))
        continue;
      uint32_t target = call_target(cg, i);
      if (target != NO_ID && cg->fns[target].scc == cg->fns[f].scc)
        return true;
    }
  return false;
}

static void refuse(site *s, refusal why, uint64_t detail) {
  s->verdict = why;
  s->detail = detail;
}

/* Admits f's candidates in source order while its frame and its path fit. */
static void admit(call_graph *cg, uint32_t fi) {
  escape_module *m = cg->m;
  const escape_config *c = m->config;
  stack_fn *f = &cg->fns[fi];
  uint64_t limit = f->seen ? 0 : f->possible ? c->max_cycle_frame : c->max_frame;
  if (limit > c->max_stack)
    limit = c->max_stack;
  f->frame = f->existing + bound_inlining(cg, f, limit, f->seen || f->possible);
  uint32_t through;
  uint64_t below = path_below(cg, f, &through);
  f->heaviest = through;
  bool tail = f->possible && f->candidates.len && ends_in_cycle_call(cg, fi);
  for (uint32_t i = 0; i < f->candidates.len; i++) {
    site *s = &m->sites[f->candidates.data[i]];
    uint64_t bytes = slot_bytes(s);
    if (tail) { /* a tail call that reused the frame would keep it */
      refuse(s, REFUSE_TAIL_CALL, 0);
    } else if (f->possible && s->small_buffer) {
      /* a buffer sized for what may be any size, once per level of a
       * recursion that the module cannot see */
      refuse(s, REFUSE_CYCLE_BUDGET, bytes);
    } else if (f->frame + bytes > limit && (f->seen || f->possible || limit < c->max_stack)) {
      refuse(s, f->seen ? REFUSE_RECURSIVE : f->possible ? REFUSE_CYCLE_BUDGET
                                                         : REFUSE_FRAME_BUDGET,
             f->frame + bytes);
    } else if (f->frame + bytes + below > c->max_stack) {
      refuse(s, REFUSE_STACK_BUDGET, f->frame + bytes + below);
      s->reason = describe_path(cg, fi);
    } else {
      f->frame += bytes;
    }
  }
  f->path = f->frame + below;
}

static void visit_component(void *ctx, const uint32_t *members, uint32_t n) {
  call_graph *cg = ctx;
  bool cycle = n > 1 || self_loop(cg, members[0]);
  uint32_t id = members[0];
  for (uint32_t i = 0; i < n; i++) {
    stack_fn *f = &cg->fns[members[i]];
    f->scc = id;
    if (members[i] < cg->m->nfns) {
      f->seen = cg->m->fns[members[i]].recursive;
      f->possible = cycle && !f->seen;
    }
  }
  for (uint32_t i = 0; i < n; i++) {
    uint32_t v = members[i];
    if (v < cg->m->nfns && cg->m->fns[v].defined)
      admit(cg, v);
  }
  /* the pseudo nodes: the heaviest of what they may reach */
  for (uint32_t i = 0; i < n; i++) {
    uint32_t v = members[i];
    if (v != cg->indirect && v != cg->external)
      continue;
    stack_fn *p = &cg->fns[v];
    for (uint32_t j = 0; j < cg->edges[v].len; j++) {
      const stack_fn *w = &cg->fns[cg->edges[v].data[j]];
      if (w->done && w->scc != id && w->path > p->path)
        p->path = w->path, p->heaviest = cg->edges[v].data[j];
    }
  }
  for (uint32_t i = 0; i < n; i++)
    cg->fns[members[i]].done = true;
}

static bool has_candidates_or_slots(const escape_module *m) {
  for (uint32_t s = 0; s < m->nsites; s++)
    if (m->sites[s].verdict == REFUSE_NONE)
      return true;
  for (uint32_t f = 0; f < m->nfns; f++)
    if (m->fns[f].defined && existing_slots(m, m->fns[f].fn))
      return true;
  return false;
}

void stack_decide(escape_module *m) {
  if (!has_candidates_or_slots(m))
    return; /* nothing to budget: most modules */
  call_graph cg = {.m = m, .n = m->nfns + 2};
  cg.indirect = m->nfns, cg.external = m->nfns + 1;
  cg.edges = escape_xcalloc(cg.n, sizeof *cg.edges);
  cg.fns = escape_xcalloc(cg.n, sizeof *cg.fns);
  for (uint32_t i = 0; i < cg.n; i++)
    cg.fns[i].heaviest = NO_ID;
  cg.noinline = LLVMGetEnumAttributeKindForName("noinline", 8);
  build_graph(&cg);
  cg.pointer_slots = pointer_callees_hold_slots(&cg);
  scc_graph calls = {cg.n, cg.edges, scc_u32vec_degree, scc_u32vec_successor};
  scc_components(&calls, visit_component, &cg); /* callees first */
  for (uint32_t i = 0; i < cg.n; i++) {
    u32vec_free(&cg.edges[i]);
    u32vec_free(&cg.fns[i].candidates);
    free(cg.fns[i].calls);
  }
  free(cg.edges);
  free(cg.fns);
}
