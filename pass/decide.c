/* decide.c — the verdicts one function's graph decides (see
 * include/escape/decide.h). The checks run in a fixed order and the first
 * that fails is the one reason reported:
 *   the analysis budget (-escape-max-work), escapes, realloc, freed by a callee, freed together with other memory,
 *   size (constant, non-zero, no overflow, within -escape-max-size),
 *   alignment, -O0 (optnone: reported, never rewritten), loop (two
 *   iterations' objects live at once), setjmp or musttail, an invoke whose
 *   unwind block has phis.
 * A site that passes them all is a candidate: what the stack can take, along
 * cycles and call paths and after inlining, is decided for the whole module
 * afterwards (stack.c). */
#include "escape/decide.h"

#include <stdlib.h>
#include <string.h>

enum { MIN_ALIGN = 16, MAX_ALIGN = 4096 };

uint64_t decide_slot_align(const site *s) {
  return s->align > MIN_ALIGN ? s->align : MIN_ALIGN;
}

uint64_t decide_slot_bytes(const site *s) {
  uint64_t align = decide_slot_align(s);
  return (s->size + align - 1) / align * align;
}

static bool has_fn_attr(LLVMValueRef fn, const char *name) {
  unsigned kind = LLVMGetEnumAttributeKindForName(name, strlen(name));
  return kind && LLVMGetEnumAttributeAtIndex(fn, LLVMAttributeFunctionIndex, kind);
}

/* __builtin_setjmp: an intrinsic that returns twice without saying so. */
static bool is_builtin_setjmp(LLVMValueRef fn) {
  size_t len;
  const char *name = LLVMGetValueName2(fn, &len);
  return len == 19 && memcmp(name, "llvm.eh.sjlj.setjmp", 19) == 0;
}

/* Calls that forbid a stack slot in this frame: setjmp-like functions
 * (returns_twice: a longjmp may revisit a frame whose slots were reused) and
 * musttail calls (the frame is gone when the callee runs). */
static refusal frame_refusal(LLVMValueRef fn) {
  unsigned kind = LLVMGetEnumAttributeKindForName("returns_twice", 13);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
         i = LLVMGetNextInstruction(i)) {
      LLVMOpcode op = LLVMGetInstructionOpcode(i);
      if (op != LLVMCall && op != LLVMInvoke)
        continue;
      if (op == LLVMCall && LLVMGetTailCallKind(i) == LLVMTailCallKindMustTail)
        return REFUSE_MUSTTAIL;
      LLVMValueRef callee = LLVMGetCalledValue(i);
      if (LLVMGetCallSiteEnumAttribute(i, LLVMAttributeFunctionIndex, kind) ||
          (LLVMIsAFunction(callee) &&
           (LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex, kind) ||
            is_builtin_setjmp(callee))))
        return REFUSE_RETURNS_TWICE;
    }
  return REFUSE_NONE;
}

static bool is_power_of_two(uint64_t x) { return x && !(x & (x - 1)); }

/* Every free that may receive o must receive only o, and be a plain call. */
static refusal check_frees(const graph *g, object_id o, site *s) {
  const u32vec *frees = &g->objects[o].frees;
  for (uint32_t i = 0; i < frees->len; i++) {
    const free_call *f = &g->frees[frees->data[i]];
    s->detail_inst = f->call;
    if (f->only != o)
      return REFUSE_FREED_WITH_OTHERS;
    if (LLVMGetInstructionOpcode(f->call) != LLVMCall)
      return REFUSE_FREE_INVOKE;
  }
  return REFUSE_NONE;
}

/* A size known only at run time gets a stack buffer of -escape-small-buffer
 * bytes, used when the size fits: malloc, calloc and aligned_alloc called
 * (not invoked), under the same rules as a constant size. */
static bool small_buffer(const escape_module *m, site *s) {
  if (!m->config->small_buffer || LLVMGetInstructionOpcode(s->call) != LLVMCall ||
      (s->kind != LIBC_MALLOC && s->kind != LIBC_CALLOC && s->kind != LIBC_ALIGNED_ALLOC))
    return false;
  s->small_buffer = true;
  s->size = m->config->small_buffer;
  return true;
}

static refusal check_size(const escape_module *m, site *s) {
  if (s->kind == LIBC_WRAPPER) /* decided on the allocation, once inlined */
    return REFUSE_NONE;
  if (!s->size_known && !small_buffer(m, s))
    return REFUSE_NONCONST_SIZE;
  if (s->overflow)
    return REFUSE_OVERFLOW;
  if (s->size == 0)
    return REFUSE_ZERO_SIZE;
  if (s->size > m->config->max_size) {
    s->detail = m->config->max_size;
    return REFUSE_TOO_LARGE;
  }
  bool memalign = s->kind == LIBC_POSIX_MEMALIGN;
  if (!is_power_of_two(s->align) || s->align > MAX_ALIGN ||
      (memalign && s->align < sizeof(void *)))
    return REFUSE_BAD_ALIGN;
  return REFUSE_NONE;
}

/* An invoke site is replaced by a branch; its unwind block loses an edge,
 * which we only do when no phi there depends on it. */
static bool invoke_unwind_has_phi(LLVMValueRef call) {
  if (LLVMGetInstructionOpcode(call) != LLVMInvoke)
    return false;
  LLVMValueRef first = LLVMGetFirstInstruction(LLVMGetUnwindDest(call));
  return first && LLVMGetInstructionOpcode(first) == LLVMPHI;
}

/* Does the CFG reachable from the entry have a cycle? An iterative DFS that
 * looks for an edge back into the current path. Most functions have none,
 * and then no site needs the loop rule (nor the host's cycle analysis). */
static bool has_cycle(LLVMValueRef fn) {
  ptrmap state = {0}; /* block -> 1 on the path, 2 done */
  typedef struct { LLVMBasicBlockRef bb; unsigned next; } frame;
  frame *stack = NULL;
  uint32_t depth = 0, cap = 0;
  bool cyclic = false;
  VEC_GROW(stack, depth, cap);
  stack[depth++] = (frame){LLVMGetEntryBasicBlock(fn), 0};
  ptrmap_put(&state, stack[0].bb, 1);
  while (depth && !cyclic) {
    frame *top = &stack[depth - 1];
    LLVMValueRef term = LLVMGetBasicBlockTerminator(top->bb);
    unsigned n = term ? LLVMGetNumSuccessors(term) : 0;
    if (top->next == n) {
      ptrmap_put(&state, top->bb, 2);
      depth--;
      continue;
    }
    LLVMBasicBlockRef succ = LLVMGetSuccessor(term, top->next++);
    uint32_t seen = 0;
    ptrmap_get(&state, succ, &seen);
    if (seen == 1)
      cyclic = true;
    else if (!seen) {
      ptrmap_put(&state, succ, 1);
      VEC_GROW(stack, depth, cap);
      stack[depth++] = (frame){succ, 0};
    }
  }
  free(stack);
  ptrmap_free(&state);
  return cyclic;
}

/* Loop rule. A site on a CFG cycle gets one slot for all its executions, so
 * no object of an earlier execution may be alive when it runs again. That
 * holds when the object is never stored into memory and the site dominates
 * every SSA value that may hold it: then no such value is live around the
 * cycle (a value defined after the site is redefined before any use on the
 * way back), which rules out loop-carried phis and uses after the loop. */
static void mark_loop_carried(const escape_module *m, const graph *g,
                              bool *carried) {
  const escape_services *sv = m->services;
  if (!has_cycle(g->fn))
    return;
  for (node_id n = 0; n < g->nnodes; n++) {
    const node *nd = &g->nodes[n];
    if (!nd->value || !LLVMIsAInstruction(nd->value))
      continue;
    for (uint32_t i = 0; i < objset_slots(&nd->pts); i++) {
      cell_id c = objset_at(&nd->pts, i);
      if (c == OBJSET_EMPTY)
        continue;
      object_id o = g->cells[c].object;
      if (g->objects[o].kind != OBJ_SITE || carried[o])
        continue;
      LLVMValueRef call = g->objects[o].origin;
      if (!sv->in_cycle(sv->ctx, LLVMGetInstructionParent(call)))
        continue;
      if (nd->value != call && !sv->dominates(sv->ctx, call, nd->value))
        carried[o] = true;
    }
  }
  for (object_id o = 0; o < g->nobjects; o++) {
    const object *obj = &g->objects[o];
    if (obj->kind == OBJ_SITE && obj->stored &&
        sv->in_cycle(sv->ctx, LLVMGetInstructionParent(obj->origin)))
      carried[o] = true;
  }
}

static refusal first_refusal(const escape_module *m, const graph *g,
                             object_id o, site *s, const bool *carried,
                             refusal frame) {
  const object *obj = &g->objects[o];
  refusal r;
  if (g->over_budget) /* a graph short of its fixed point proves nothing */
    return REFUSE_ANALYSIS_BUDGET;
  if (obj->escaped)
    return REFUSE_ESCAPES;
  if (s->kind == LIBC_REALLOC)
    return REFUSE_REALLOC;
  if (obj->callee_frees) {
    s->detail_inst = obj->freeing_call;
    return REFUSE_FREED_BY_CALLEE;
  }
  if ((r = check_frees(g, o, s)) != REFUSE_NONE)
    return r;
  if ((r = check_size(m, s)) != REFUSE_NONE)
    return r;
  if (has_fn_attr(g->fn, "optnone")) /* -O0: locals in memory, no rewrite */
    return REFUSE_OPTNONE;
  if (carried[o])
    return REFUSE_LOOP;
  if (frame != REFUSE_NONE)
    return frame;
  if (invoke_unwind_has_phi(s->call))
    return REFUSE_INVOKE_PHI;
  return REFUSE_NONE;
}

/* The frees the rewrite deletes: each receives only this object. */
static void keep_frees(const graph *g, object_id o, site *s) {
  const u32vec *frees = &g->objects[o].frees;
  s->frees = escape_xcalloc(frees->len ? frees->len : 1, sizeof *s->frees);
  s->nfrees = frees->len;
  for (uint32_t i = 0; i < frees->len; i++)
    s->frees[i] = g->frees[frees->data[i]].call;
}

void decide_function(escape_module *m, graph *g) {
  bool *carried = escape_xcalloc(g->nobjects, sizeof *carried);
  mark_loop_carried(m, g, carried);
  refusal frame_rule = frame_refusal(g->fn);
  for (object_id o = 0; o < g->nobjects; o++) {
    if (g->objects[o].kind != OBJ_SITE)
      continue;
    site *s = &m->sites[g->objects[o].site];
    s->verdict = first_refusal(m, g, o, s, carried, frame_rule);
    if (s->verdict == REFUSE_NONE)
      keep_frees(g, o, s);
  }
  free(carried);
}
