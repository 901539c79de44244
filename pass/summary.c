/* summary.c — call-graph SCCs (Tarjan, iterative) and leak tags
 * (see include/escape/summary.h). */
#include "escape/summary.h"

#include "escape/candidates.h"
#include "escape/solve.h"
#include "escape/wrappers.h"

#include <stdlib.h>
#include <string.h>

fn_summary *module_summary(escape_module *m, LLVMValueRef fn) {
  uint32_t i;
  return ptrmap_get(&m->fn_index, fn, &i) ? &m->fns[i] : NULL;
}

static bool has_metadata(LLVMValueRef fn, unsigned kind) {
  size_t n = 0;
  LLVMValueMetadataEntry *md = LLVMGlobalCopyAllMetadata(fn, &n);
  bool found = false;
  for (size_t i = 0; i < n; i++)
    found |= LLVMValueMetadataEntriesGetKind(md, (unsigned)i) == kind;
  if (md)
    LLVMDisposeValueMetadataEntries(md);
  return found;
}

bool summary_is_marked_inexact(const escape_module *m, LLVMValueRef fn) {
  return has_metadata(fn, m->md_inexact);
}

void summary_mark_inline_definitions(escape_module *m) {
  if (m->config->post_link || m->mode != ESCAPE_MODE_TRANSFORM)
    return;
  LLVMMetadataRef empty = LLVMMDNodeInContext2(m->context, NULL, 0);
  for (LLVMValueRef fn = LLVMGetFirstFunction(m->module); fn;
       fn = LLVMGetNextFunction(fn))
    if (LLVMGetLinkage(fn) == LLVMAvailableExternallyLinkage)
      LLVMGlobalSetMetadata(fn, m->md_inexact, empty);
}

/* Is the body we see the one that runs? Not for weak definitions, which
 * another may replace at link time, nor for C99 inline definitions
 * (available_externally: the out-of-line one elsewhere runs) and ODR ones
 * (the linker picks any copy, maybe compiled otherwise), nor for exported
 * functions that are not dso_local: in a -fPIC library the library's own
 * calls go through the PLT, and the executable or an LD_PRELOADed library
 * may define the symbol first (ELF preemption; LLVM's isDefinitionExact
 * honours it only under -fsemantic-interposition, where no exported
 * definition is dso_local). Code built with -fno-semantic-interposition or
 * hidden visibility is dso_local. */
definition_kind summary_definition_kind(const escape_module *m, LLVMValueRef fn) {
  switch (LLVMGetLinkage(fn)) {
  case LLVMAvailableExternallyLinkage:
    /* In the LTO link, an unmarked one is a copy imported from the same
     * program (ThinLTO): the code that runs. The compile marked its own. */
    return m->config->post_link && !summary_is_marked_inexact(m, fn) ? DEFINITION_EXACT
                                                                      : DEFINITION_INLINE;
  case LLVMLinkOnceAnyLinkage:
  case LLVMLinkOnceODRLinkage:
  case LLVMWeakAnyLinkage:
  case LLVMWeakODRLinkage:
  case LLVMExternalWeakLinkage:
  case LLVMCommonLinkage:
    return DEFINITION_WEAK;
  case LLVMExternalLinkage:
    /* a library's hook that the program replaces would keep our slot;
     * under -fsemantic-interposition no exported definition is dso_local */
    return m->services->preemptible(m->services->ctx, fn) ? DEFINITION_PREEMPTIBLE
                                                           : DEFINITION_EXACT;
  default:
    return DEFINITION_EXACT;
  }
}

void summary_init(escape_module *m) {
  uint32_t count = 0;
  for (LLVMValueRef fn = LLVMGetFirstFunction(m->module); fn;
       fn = LLVMGetNextFunction(fn))
    count++;
  m->fns = escape_xcalloc(count, sizeof *m->fns);
  for (LLVMValueRef fn = LLVMGetFirstFunction(m->module); fn;
       fn = LLVMGetNextFunction(fn)) {
    fn_summary *s = &m->fns[m->nfns];
    s->fn = fn;
    s->nparams = LLVMCountParams(fn);
    s->params = escape_xcalloc(s->nparams, sizeof *s->params);
    s->defined = !LLVMIsDeclaration(fn);
    s->exact = s->defined && summary_definition_kind(m, fn) == DEFINITION_EXACT;
    s->scc = NO_ID;
    ptrmap_put(&m->fn_index, fn, m->nfns++);
  }
}

void summary_free(escape_module *m) {
  for (uint32_t i = 0; i < m->nfns; i++) {
    for (uint32_t p = 0; p < m->fns[i].nparams; p++)
      param_leak_free(&m->fns[i].params[p]);
    free(m->fns[i].params);
  }
  free(m->fns);
  ptrmap_free(&m->fn_index);
}

/* Direct callees of function f that are defined in the module; notes on
 * the way whether f allocates, and its size. */
static void callees(escape_module *m, uint32_t f, u32vec *out) {
  out->len = 0;
  m->fns[f].ninstructions = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(m->fns[f].fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst)) {
      m->fns[f].ninstructions++;
      LLVMOpcode op = LLVMGetInstructionOpcode(inst);
      if (op != LLVMCall && op != LLVMInvoke && op != LLVMCallBr)
        continue;
      uint32_t idx;
      LLVMValueRef callee = LLVMGetCalledValue(inst);
      if (!ptrmap_get(&m->fn_index, callee, &idx))
        continue;
      if (m->fns[idx].defined) {
        u32vec_push(out, idx);
      } else if (!m->fns[f].allocates) {
        libc_call kind = candidates_classify(inst);
        m->fns[f].allocates = kind != LIBC_NONE && kind != LIBC_FREE;
      }
    }
}

static bool calls_itself(const u32vec *edges, uint32_t f) {
  for (uint32_t i = 0; i < edges[f].len; i++)
    if (edges[f].data[i] == f)
      return true;
  return false;
}

/* Only functions that allocate, and what they call, need a summary, unless
 * every function is reported: the rest of the module is skipped, which
 * keeps the pass cheap on code that rarely allocates. */
static bool calls_one_of(const u32vec *edges, uint32_t f, const bool *set) {
  for (uint32_t i = 0; i < edges[f].len; i++)
    if (set[edges[f].data[i]])
      return true;
  return false;
}

/* While wrappers are sought: the functions that may be wrappers (small, and
 * allocating themselves or through one that may be), whose callers must be
 * analysed too. */
static bool *may_wrap(const escape_module *m, const u32vec *edges) {
  bool *wraps = escape_xcalloc(m->nfns ? m->nfns : 1, sizeof *wraps);
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < m->nfns; i++) {
      const fn_summary *s = &m->fns[i];
      if (wraps[i] || !s->defined || s->ninstructions > WRAPPER_MAX_INSTRUCTIONS)
        continue;
      wraps[i] = s->allocates || calls_one_of(edges, i, wraps);
      changed |= wraps[i];
    }
  }
  return wraps;
}

static void mark_needed(escape_module *m, const u32vec *edges) {
  u32vec work = {0};
  bool *wraps = m->finding_wrappers ? may_wrap(m, edges) : NULL;
  for (uint32_t i = 0; i < m->nfns; i++) {
    fn_summary *s = &m->fns[i];
    s->needed = s->defined && (m->report_all || s->allocates ||
                               (wraps && calls_one_of(edges, i, wraps)));
    if (s->needed)
      u32vec_push(&work, i);
  }
  free(wraps);
  while (work.len) {
    uint32_t f = work.data[--work.len];
    for (uint32_t i = 0; i < edges[f].len; i++) {
      fn_summary *callee = &m->fns[edges[f].data[i]];
      if (!callee->needed) {
        callee->needed = true;
        u32vec_push(&work, edges[f].data[i]);
      }
    }
  }
  u32vec_free(&work);
}

static bool tags_grow(escape_module *m, graph *g, fn_summary *s) {
  bool changed = false;
  for (unsigned i = 0; i < s->nparams; i++) {
    param_leak now = {0};
    summary_param_leak(g, i, &now);
    changed |= param_leak_merge(&s->params[i], &now);
    param_leak_free(&now);
  }
  const objset *ret = &g->nodes[g->result].pts;
  bool unknown = s->returns_unknown;
  for (uint32_t i = 0; i < objset_slots(ret); i++) {
    cell_id c = objset_at(ret, i);
    if (c == OBJSET_EMPTY)
      continue;
    object_kind kind = g->objects[g->cells[c].object].kind;
    if (kind != OBJ_PARAM && kind != OBJ_PARAM_CONTENT && kind != OBJ_PARAM_DEEP)
      unknown = true;
  }
  changed |= unknown != s->returns_unknown;
  s->returns_unknown = unknown;
  (void)m;
  return changed;
}

/* The solver's work, for the statistics: in total, and the most per
 * instruction, which -escape-max-work bounds. */
static void note_work(escape_module *m, const graph *g, const fn_summary *s) {
  uint64_t per_instruction = g->work / ((uint64_t)s->ninstructions + 1);
  m->solver_steps += g->work;
  if (per_instruction > m->worst_steps)
    m->worst_steps = per_instruction;
}

/* The solver stopped short of its fixed point: what it found proves
 * nothing. The function leaks every parameter and may return anything;
 * callers model its calls as calls to an unknown body. Returns true the
 * first time, so that the rest of its SCC is analysed again. */
static bool give_up(fn_summary *s) {
  if (s->over_budget)
    return false;
  s->over_budget = true;
  s->returns_unknown = true;
  for (unsigned i = 0; i < s->nparams; i++)
    s->params[i].tag |= LEAK_UNKNOWN;
  return true;
}

/* Analyses one SCC to a fixed point of its tags, then finishes each member. */
static void analyse_scc(escape_module *m, const u32vec *edges,
                        const uint32_t *members, uint32_t n,
                        summary_finish_fn finish) {
  bool needed = false;
  for (uint32_t i = 0; i < n; i++)
    needed |= m->fns[members[i]].needed;
  bool recursive = n > 1 || calls_itself(edges, members[0]);
  for (uint32_t i = 0; i < n; i++) /* stack.c reads it for every function */
    m->fns[members[i]].recursive = recursive;
  if (!needed)
    return;
  graph *graphs = escape_xcalloc(n, sizeof *graphs);
  for (bool changed = true; changed;) {
    changed = false;
    for (uint32_t i = 0; i < n; i++) {
      fn_summary *s = &m->fns[members[i]];
      s->recursive = recursive;
      if (graphs[i].fn)
        graph_free(&graphs[i]);
      graph_build(&graphs[i], m, s->fn, s->ninstructions);
      solve_run(&graphs[i]);
      note_work(m, &graphs[i], s);
      graph_index_frees(&graphs[i]);
      if (graphs[i].over_budget)
        changed |= give_up(s);
      else if (!s->over_budget)
        changed |= tags_grow(m, &graphs[i], s);
    }
    if (!recursive)
      break;
    if (changed) /* the sites recorded by this round are recorded again */
      for (uint32_t i = 0; i < n; i++)
        m->nsites -= graphs[i].sites.len;
  }
  for (uint32_t i = 0; i < n; i++) {
    finish(m, &graphs[i]);
    if (m->finding_wrappers && !recursive)
      wrappers_classify(m, &graphs[i], &m->fns[members[i]]);
    graph_free(&graphs[i]);
  }
  free(graphs);
}

typedef struct scc_walk {
  escape_module *m;
  const u32vec *edges;
  summary_finish_fn finish;
} scc_walk;

static void visit_scc(void *ctx, const uint32_t *members, uint32_t n) {
  scc_walk *w = ctx;
  analyse_scc(w->m, w->edges, members, n, w->finish);
}

void summary_run(escape_module *m, summary_finish_fn finish) {
  uint32_t n = m->nfns;
  u32vec *edges = escape_xcalloc(n ? n : 1, sizeof *edges);
  for (uint32_t i = 0; i < n; i++)
    if (m->fns[i].defined)
      callees(m, i, &edges[i]);
  mark_needed(m, edges);
  scc_graph calls = {n, edges, scc_u32vec_degree, scc_u32vec_successor};
  scc_walk walk = {m, edges, finish};
  scc_components(&calls, visit_scc, &walk); /* callees first */
  for (uint32_t i = 0; i < n; i++)
    u32vec_free(&edges[i]);
  free(edges);
}

static bool freed_here(const graph *g, object_id o) {
  return g->objects[o].frees.len > 0;
}

/* The bits of one object of caller memory, as seen from this function:
 * level 0 is what p points to, 1 what *p points to, 2 anything deeper. */
const leak_tag leak_level_bits[3][LEAK_LEVEL_BITS] = {
    {LEAK_HEAP, LEAK_RESULT, LEAK_FREED, LEAK_WRITES, LEAK_NUMBERS},
    {LEAK_CONTENT, LEAK_RESULT_CONTENT, LEAK_FREED_CONTENT, LEAK_WRITES_CONTENT,
     LEAK_NUMBERS_CONTENT},
    {LEAK_DEEP, LEAK_DEEP_RESULT, LEAK_DEEP_FREED, LEAK_DEEP_WRITES, LEAK_DEEP_NUMBERS}};

static leak_tag object_bits(const graph *g, object_id o, unsigned level) {
  const leak_tag *bits = leak_level_bits[level];
  const object *obj = &g->objects[o];
  leak_tag tag = 0;
  if (obj->escaped)
    tag |= bits[LEAK_ESCAPES];
  if (obj->returned)
    tag |= bits[LEAK_RETURNED];
  if (obj->callee_frees || freed_here(g, o))
    tag |= bits[LEAK_IS_FREED];
  if (obj->written)
    tag |= bits[LEAK_IS_WRITTEN];
  if (obj->number_written)
    tag |= bits[LEAK_IS_NUMBERED];
  return tag;
}

/* Adds a written range; returns true if it was not there. */
static bool add_write(param_leak *leak, write_range w) {
  for (uint32_t i = 0; i < leak->nwrites; i++) {
    write_range *r = &leak->writes[i];
    if (r->offset == w.offset && r->size == w.size) {
      uint8_t before = r->written;
      r->written |= w.written;
      return r->written != before;
    }
  }
  VEC_GROW(leak->writes, leak->nwrites, leak->capwrites);
  leak->writes[leak->nwrites++] = w;
  return true;
}

/* Where the function writes into what parameter i points to. */
static void collect_writes(const object *pointee, param_leak *out) {
  for (uint32_t f = 0; f < pointee->nfields; f++)
    if (pointee->fields[f].written)
      add_write(out, (write_range){pointee->fields[f].offset, pointee->fields[f].size,
                                   pointee->fields[f].written});
  if (pointee->content_written)
    add_write(out, (write_range){ANY_OFFSET, ANY_SIZE, pointee->content_written});
}

/* Two offsets at which a parameter's memory reaches the result: one, if
 * they agree. Returns true if *into changed. */
static bool merge_delta(int32_t *into, bool into_set, int32_t from) {
  int32_t merged = !into_set || *into == from ? from : DELTA_ANY;
  bool changed = into_set && merged != *into;
  *into = merged;
  return changed;
}

/* Adds a field's entry; returns true if an existing entry's offset of the
 * result changed. */
static bool add_content(param_leak *leak, const content_leak *add) {
  leak->tag |= add->tag;
  for (uint32_t i = 0; i < leak->ncontents; i++) {
    content_leak *c = &leak->contents[i];
    if (c->offset == add->offset && c->size == add->size) {
      bool changed = false;
      if (add->tag & LEAK_RESULT_CONTENT)
        changed = merge_delta(&c->result_delta, c->tag & LEAK_RESULT_CONTENT,
                              add->result_delta);
      c->tag |= add->tag;
      c->pointer |= add->pointer;
      return changed;
    }
  }
  VEC_GROW(leak->contents, leak->ncontents, leak->capcontents);
  leak->contents[leak->ncontents++] = *add;
  return false;
}

void summary_param_leak(const graph *g, unsigned i, param_leak *out) {
  *out = (param_leak){0};
  const object *pointee = &g->objects[g->param_objects.data[i]];
  out->tag = object_bits(g, g->param_objects.data[i], 0);
  out->result_delta = pointee->returned ? pointee->returned_delta : 0;
  collect_writes(pointee, out);
  if (g->param_deep.data[i] != NO_ID)
    out->tag |= object_bits(g, g->param_deep.data[i], 2);
  for (object_id o = 0; o < g->nobjects; o++) {
    const object *obj = &g->objects[o];
    if (obj->kind != OBJ_PARAM_CONTENT || obj->param != i)
      continue;
    content_leak c = {obj->read_offset, obj->read_size, object_bits(g, o, 1),
                      obj->returned ? obj->returned_delta : 0, obj->pointer_read};
    if (c.tag)
      add_content(out, &c);
  }
}

bool param_leak_merge(param_leak *into, const param_leak *from) {
  leak_tag before = into->tag;
  uint32_t count = into->ncontents;
  bool grew = false;
  if (from->tag & LEAK_RESULT)
    grew |= merge_delta(&into->result_delta, before & LEAK_RESULT, from->result_delta);
  into->tag |= from->tag;
  for (uint32_t i = 0; i < from->ncontents; i++) {
    const content_leak *c = &from->contents[i];
    for (uint32_t j = 0; j < into->ncontents; j++) {
      const content_leak *d = &into->contents[j];
      if (d->offset == c->offset && d->size == c->size)
        grew |= (d->tag | c->tag) != d->tag || (c->pointer && !d->pointer);
    }
    grew |= add_content(into, c);
  }
  for (uint32_t i = 0; i < from->nwrites; i++)
    grew |= add_write(into, from->writes[i]);
  return grew || into->tag != before || into->ncontents != count;
}

void param_leak_free(param_leak *leak) {
  free(leak->writes);
  free(leak->contents);
  *leak = (param_leak){0};
}
