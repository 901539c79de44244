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

bool decide_has_fn_attr(LLVMValueRef fn, const char *name) {
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

enum { MAX_FREED_TOGETHER = 8 }; /* sites one free may receive, and phis followed */

static uint32_t site_of_call(const graph *g, LLVMValueRef v) {
  uint32_t site;
  return ptrmap_get(&g->site_calls, v, &site) ? site : NO_GROUP;
}

/* The sites whose memory free(v) may receive, read off the SSA value: a
 * site's own call, or a phi or select of those and NULL (which yields one
 * of its operands, whatever decides which). False for anything else. The
 * points-to sets say more than that: a select's condition lends its bits
 * to the result, which matters for what the bits may rebuild, not for
 * which memory is freed. */
static bool freed_sites(const graph *g, LLVMValueRef v, uint32_t *out, uint32_t *n,
                        unsigned *steps) {
  while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
    v = LLVMGetOperand(v, 0);
  if (LLVMIsAConstantPointerNull(v))
    return true;
  if (++*steps > MAX_FREED_TOGETHER)
    return false;
  uint32_t site = site_of_call(g, v);
  if (site != NO_GROUP) {
    for (uint32_t i = 0; i < *n; i++)
      if (out[i] == site)
        return true;
    if (*n == MAX_FREED_TOGETHER)
      return false;
    out[(*n)++] = site;
    return true;
  }
  if (LLVMIsASelectInst(v))
    return freed_sites(g, LLVMGetOperand(v, 1), out, n, steps) &&
           freed_sites(g, LLVMGetOperand(v, 2), out, n, steps);
  if (LLVMIsAPHINode(v)) {
    for (unsigned i = 0; i < LLVMCountIncoming(v); i++)
      if (!freed_sites(g, LLVMGetIncomingValue(v, i), out, n, steps))
        return false;
    return true;
  }
  return false;
}

static bool has_site(const uint32_t *sites, uint32_t n, uint32_t site) {
  for (uint32_t i = 0; i < n; i++)
    if (sites[i] == site)
      return true;
  return false;
}

/* Sites of this function that a free receives, one of them o: they can
 * move together (decide_groups). */
static bool freed_together(const graph *g, const free_call *f, uint32_t *out, uint32_t *n) {
  unsigned steps = 0;
  *n = 0;
  if (freed_sites(g, LLVMGetOperand(f->call, 0), out, n, &steps))
    return *n > 1;
  /* through memory (at -O0 every local is a slot): what the model says */
  *n = 0;
  const objset *pts = &g->nodes[f->arg].pts;
  for (uint32_t i = 0; i < objset_slots(pts); i++) {
    cell_id c = objset_at(pts, i);
    if (c == OBJSET_EMPTY)
      continue;
    const object *o = &g->objects[g->cells[c].object];
    if (o->kind != OBJ_SITE)
      return false;
    if (!has_site(out, *n, o->site)) {
      if (*n == MAX_FREED_TOGETHER)
        return false;
      out[(*n)++] = o->site;
    }
  }
  return *n > 1;
}

/* Every free that may receive o must receive only o, or only sites of this
 * function (its group), and be a plain call. */
static refusal check_frees(const graph *g, object_id o, site *s) {
  const u32vec *frees = &g->objects[o].frees;
  uint32_t together[MAX_FREED_TOGETHER], n;
  for (uint32_t i = 0; i < frees->len; i++) {
    const free_call *f = &g->frees[frees->data[i]];
    s->detail_inst = f->call;
    if (f->only != o && !(freed_together(g, f, together, &n) &&
                          has_site(together, n, g->objects[o].site)))
      return REFUSE_FREED_WITH_OTHERS;
    if (LLVMGetInstructionOpcode(f->call) != LLVMCall)
      return REFUSE_FREE_INVOKE;
  }
  return REFUSE_NONE;
}

/* The sites that one free may receive form a group, and groups that share
 * a site merge: each site's group is its group's first site. */
static uint32_t group_of(escape_module *m, uint32_t site_index) {
  uint32_t g = site_index;
  while (m->sites[g].group != g) {
    m->sites[g].group = m->sites[m->sites[g].group].group; /* path halving */
    g = m->sites[g].group;
  }
  return g;
}

static void join_groups(escape_module *m, const graph *g) {
  for (uint32_t i = 0; i < g->sites.len; i++)
    m->sites[g->sites.data[i]].group = g->sites.data[i];
  uint32_t together[MAX_FREED_TOGETHER], n;
  for (uint32_t f = 0; f < g->nfrees; f++) {
    const free_call *fc = &g->frees[f];
    if (fc->arg == NO_ID || fc->only != NO_ID || !freed_together(g, fc, together, &n))
      continue;
    uint32_t first = NO_GROUP;
    for (uint32_t i = 0; i < n; i++) {
      uint32_t root = group_of(m, together[i]);
      if (first == NO_GROUP)
        first = root;
      else if (root != first)
        m->sites[root > first ? root : first].group = root < first ? root : first;
      first = root < first ? root : first;
    }
  }
  /* flatten; a site alone has no group. A root is joined when some other
   * site names it, which the second walk reads off the roots' calls. */
  ptrmap named = {0};
  for (uint32_t i = 0; i < g->sites.len; i++) {
    uint32_t site = g->sites.data[i], root = group_of(m, site);
    m->sites[site].group = root;
    if (root != site)
      ptrmap_put(&named, m->sites[root].call, 1);
  }
  uint32_t unused;
  for (uint32_t i = 0; i < g->sites.len; i++) {
    site *s = &m->sites[g->sites.data[i]];
    if (s->group == g->sites.data[i] && !ptrmap_get(&named, s->call, &unused))
      s->group = NO_GROUP;
  }
  ptrmap_free(&named);
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

/* Is block b entered only from the edge pred -> b? Then what decides that
 * edge holds wherever b dominates. */
static bool only_entered_from(LLVMBasicBlockRef b, LLVMValueRef pred_terminator) {
  for (LLVMUseRef u = LLVMGetFirstUse(LLVMBasicBlockAsValue(b)); u; u = LLVMGetNextUse(u))
    if (LLVMGetUser(u) != pred_terminator)
      return false;
  return LLVMGetSuccessor(pred_terminator, 0) != LLVMGetSuccessor(pred_terminator, 1);
}

/* The bound that compare `cmp` puts on the value it compares with a
 * constant, on the edge taken when the compare is `taken`, or UINT64_MAX;
 * *value is that value. Unsigned compares only: a signed bound says
 * nothing of a negative int that became a huge size_t. */
static uint64_t edge_bound(LLVMValueRef cmp, bool taken, LLVMValueRef *value) {
  if (!LLVMIsAICmpInst(cmp))
    return UINT64_MAX;
  LLVMValueRef a = LLVMGetOperand(cmp, 0), k = LLVMGetOperand(cmp, 1);
  LLVMIntPredicate pred = LLVMGetICmpPredicate(cmp);
  if (LLVMIsAConstantInt(a)) { /* C < n is n > C */
    LLVMValueRef t = a;
    a = k;
    k = t;
    pred = pred == LLVMIntULT ? LLVMIntUGT : pred == LLVMIntULE ? LLVMIntUGE
         : pred == LLVMIntUGT ? LLVMIntULT : pred == LLVMIntUGE ? LLVMIntULE : pred;
  }
  if (!LLVMIsAConstantInt(k) || LLVMIsAConstantInt(a))
    return UINT64_MAX;
  *value = a;
  uint64_t c = LLVMConstIntGetZExtValue(k);
  if (!taken) /* the false edge: the opposite compare holds */
    pred = pred == LLVMIntUGT ? LLVMIntULE : pred == LLVMIntUGE ? LLVMIntULT
         : pred == LLVMIntNE ? LLVMIntEQ : LLVMIntSGT; /* SGT: no bound */
  switch (pred) {
  case LLVMIntULT: return c ? c - 1 : UINT64_MAX;
  case LLVMIntULE:
  case LLVMIntEQ: return c;
  default: return UINT64_MAX;
  }
}

/* The edges of one function on which a compare bounds a value, found in
 * one walk of its blocks and listed per value (value -> first edge), so
 * that a site looks only at the compares of its own size. */
typedef struct bound_edge {
  LLVMBasicBlockRef to; /* entered only from this edge */
  uint64_t bound;
  uint32_t next;        /* the value's next edge, or NO_ID */
} bound_edge;

typedef struct bound_index {
  ptrmap first;         /* compared value -> its first edge */
  bound_edge *edges;
  uint32_t len, cap;
} bound_index;

enum { MAX_BOUND_EDGES = 16 }; /* edges one site looks at: any of them is a
                                  true bound, the rest could only be tighter */

static void index_bounds(LLVMValueRef fn, bound_index *x) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb; bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef br = LLVMGetBasicBlockTerminator(bb);
    if (!br || !LLVMIsABranchInst(br) || !LLVMIsConditional(br))
      continue;
    for (unsigned edge = 0; edge < 2; edge++) {
      LLVMBasicBlockRef to = LLVMGetSuccessor(br, edge);
      LLVMValueRef value = NULL;
      uint64_t bound = edge_bound(LLVMGetCondition(br), edge == 0, &value);
      if (bound == UINT64_MAX || to == bb || !only_entered_from(to, br))
        continue;
      uint32_t next = NO_ID;
      ptrmap_get(&x->first, value, &next);
      VEC_GROW(x->edges, x->len, x->cap);
      x->edges[x->len] = (bound_edge){to, bound, next};
      ptrmap_put(&x->first, value, x->len++);
    }
  }
}

/* The smallest bound that the edges of `value` that dominate the site put
 * on it, at most `best`. */
static uint64_t bound_through(const escape_module *m, const bound_index *x, LLVMValueRef value,
                              const site *s, uint64_t best) {
  const escape_services *sv = m->services;
  LLVMBasicBlockRef home = LLVMGetInstructionParent(s->call);
  uint32_t e = NO_ID;
  ptrmap_get(&x->first, value, &e);
  for (unsigned seen = 0; e != NO_ID && seen < MAX_BOUND_EDGES; e = x->edges[e].next, seen++) {
    const bound_edge *be = &x->edges[e];
    if (be->bound < best &&
        (be->to == home || sv->dominates(sv->ctx, LLVMGetFirstInstruction(be->to), s->call)))
      best = be->bound;
  }
  return best;
}

/* A run-time size that a compare on the way bounds (if (n <= 256) p =
 * malloc(n)): the smallest bound of the edges that dominate the site, on
 * the size itself or on what it was zero-extended from. The compare reads
 * the very value the site receives, so the bound holds on every execution
 * (the value's definition dominates the compare, and the edge the site). */
static uint64_t dominating_bound(const escape_module *m, const bound_index *x, const site *s) {
  if (s->kind != LIBC_MALLOC && s->kind != LIBC_ALIGNED_ALLOC)
    return UINT64_MAX;
  LLVMValueRef size = LLVMGetOperand(s->call, s->kind == LIBC_MALLOC ? 0 : 1);
  uint64_t best = bound_through(m, x, size, s, UINT64_MAX);
  if (LLVMIsAZExtInst(size))
    best = bound_through(m, x, LLVMGetOperand(size, 0), s, best);
  return best;
}

/* Every site of the function gets its bound (site.bound), or UINT64_MAX;
 * the blocks are walked once, and only when some size is not a constant. */
static void find_bounds(escape_module *m, const graph *g) {
  bool wanted = false;
  for (uint32_t i = 0; i < g->sites.len; i++) {
    site *s = &m->sites[g->sites.data[i]];
    s->bound = UINT64_MAX;
    wanted |= !s->size_known && LLVMGetInstructionOpcode(s->call) == LLVMCall;
  }
  if (!wanted)
    return;
  bound_index x = {0};
  index_bounds(g->fn, &x);
  for (uint32_t i = 0; i < g->sites.len && x.len; i++) {
    site *s = &m->sites[g->sites.data[i]];
    if (!s->size_known && LLVMGetInstructionOpcode(s->call) == LLVMCall)
      s->bound = dominating_bound(m, &x, s);
  }
  ptrmap_free(&x.first);
  free(x.edges);
}

static bool bounded_size(const escape_module *m, site *s) {
  if (s->bound > m->config->max_size)
    return false;
  s->bounded = true;
  s->size = s->bound;
  return true;
}

static refusal check_size(const escape_module *m, site *s) {
  if (s->kind == LIBC_WRAPPER) /* decided on the allocation, once inlined */
    return REFUSE_NONE;
  if (!s->size_known && !bounded_size(m, s) && !small_buffer(m, s))
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
  if (decide_has_fn_attr(g->fn, "optnone")) /* -O0: locals in memory, no rewrite */
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
  join_groups(m, g);
  find_bounds(m, g);
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

/* A group moves only as a whole: its shared frees are deleted, which frees
 * no memory only when none of its sites is left on the heap (and none has a
 * buffer whose free must test which memory it got). Each shared free is
 * deleted once, by the first site of the group that lists it. */
void decide_groups(escape_module *m) {
  bool *kept = escape_xcalloc(m->nsites ? m->nsites : 1, sizeof *kept);
  for (uint32_t i = 0; i < m->nsites; i++) {
    const site *s = &m->sites[i];
    if (s->group != NO_GROUP && (s->verdict != REFUSE_NONE || s->small_buffer))
      kept[s->group] = true;
  }
  ptrmap deleted = {0};
  for (uint32_t i = 0; i < m->nsites; i++) {
    site *s = &m->sites[i];
    if (s->group == NO_GROUP || s->verdict != REFUSE_NONE)
      continue;
    if (kept[s->group]) {
      s->verdict = REFUSE_FREED_WITH_KEPT;
      s->detail_inst = s->nfrees ? s->frees[0] : s->call;
      continue;
    }
    uint32_t n = 0, seen;
    for (uint32_t j = 0; j < s->nfrees; j++)
      if (!ptrmap_get(&deleted, s->frees[j], &seen)) {
        ptrmap_put(&deleted, s->frees[j], 1);
        s->frees[n++] = s->frees[j];
      }
    s->nfrees = n;
  }
  ptrmap_free(&deleted);
  free(kept);
}
