/* graph.c — builds the location graph of one function from its IR
 * (see include/escape/graph.h for the model and its soundness invariant).
 * Owns the translation of every instruction except calls, which call.c
 * translates. Each rule that exists for soundness says in one line which
 * escape it prevents. */
#include "escape/graph.h"

#include "escape/call.h"
#include "escape/module.h"
#include "escape/solve.h"

#include <stdlib.h>
#include <string.h>

node_id graph_new_node(graph *g, LLVMValueRef value) {
  VEC_GROW(g->nodes, g->nnodes, g->capnodes);
  g->nodes[g->nnodes] = (node){.value = value, .owner = NO_ID};
  return g->nnodes++;
}

static object_id new_object(graph *g, object_kind kind, LLVMValueRef origin) {
  node_id content = graph_new_node(g, NULL);
  VEC_GROW(g->objects, g->nobjects, g->capobjects);
  object_id id = g->nobjects++;
  g->objects[id] = (object){.kind = kind,
                            .origin = origin,
                            .site = NO_ID,
                            .content = content,
                            .preset = NO_ID,
                            .address = NO_ID,
                            .all_fields = NO_ID,
                            .any_cell = NO_ID};
  g->nodes[content].owner = id;
  return id;
}

cell_id graph_cell(graph *g, object_id o, int32_t offset) {
  if (offset != ANY_OFFSET && (offset < 0 || offset > MAX_FIELD_OFFSET))
    offset = ANY_OFFSET;
  uint64_t key = ((uint64_t)o << 32 | (uint32_t)(offset + 1)) + 1;
  uint32_t id;
  if (ptrmap_get(&g->cell_index, (const void *)(uintptr_t)key, &id))
    return id;
  VEC_GROW(g->cells, g->ncells, g->capcells);
  id = g->ncells++;
  g->cells[id] = (cell){o, offset};
  u32vec *cells = &g->objects[o].cells;
  u32vec_push_in(&g->arena, cells, id);
  if (offset == ANY_OFFSET)
    g->objects[o].any_cell = id;
  /* a cycle that shifts would add a cell per trip (solve.c collapses it) */
  if (cells->len >= CYCLE_CHECK_CELLS && (cells->len & (cells->len - 1)) == 0)
    g->cycles_due = true;
  ptrmap_put(&g->cell_index, (const void *)(uintptr_t)key, id);
  return id;
}

void graph_index_frees(graph *g) {
  for (uint32_t f = 0; f < g->nfrees; f++) {
    free_call *fc = &g->frees[f];
    fc->only = NO_ID;
    if (fc->arg == NO_ID)
      continue;
    const objset *pts = &g->nodes[fc->arg].pts;
    bool single = true;
    for (uint32_t i = 0; i < objset_slots(pts); i++) {
      cell_id c = objset_at(pts, i);
      if (c == OBJSET_EMPTY)
        continue;
      object_id o = g->cells[c].object;
      u32vec *list = &g->objects[o].frees;
      if (!list->len || list->data[list->len - 1] != f)
        u32vec_push_in(&g->arena, list, f);
      if (fc->only == NO_ID && single)
        fc->only = o;
      else if (fc->only != o)
        single = false;
    }
    if (!single)
      fc->only = NO_ID;
  }
}

bool graph_holds(const graph *g, node_id n, object_id o) {
  const u32vec *cells = &g->objects[o].cells;
  for (uint32_t i = 0; i < cells->len; i++)
    if (objset_has(&g->nodes[n].pts, cells->data[i]))
      return true;
  return false;
}

/* --- edges and sinks ------------------------------------------------------ */

void graph_add_edge(graph *g, node_id src, node_id dst, int32_t delta) {
  if (src == NO_ID || dst == NO_ID || (src == dst && delta == 0))
    return;
  node *from = &g->nodes[src];
  ARENA_GROW(&g->arena, from->edges, from->nedges, from->capedges);
  from->edges[from->nedges++] = (edge){dst, delta};
  g->work += objset_slots(&g->nodes[src].pts);
  for (uint32_t i = 0; i < objset_slots(&g->nodes[src].pts); i++) {
    cell_id c = objset_at(&g->nodes[src].pts, i);
    if (c != OBJSET_EMPTY)
      solve_add_cell(g, dst, solve_shift(g, c, delta));
  }
}

/* Copies are also added while solving (loads meet fields); keep them unique. */
void graph_add_filtered_copy(graph *g, node_id src, node_id dst, int32_t filter) {
  if (src == dst || src == NO_ID || dst == NO_ID)
    return;
  uint64_t key = ((uint64_t)src << 32 | dst) + 1;
  uint32_t seen;
  if (ptrmap_get(&g->copy_edges, (const void *)(uintptr_t)key, &seen))
    return;
  ptrmap_put(&g->copy_edges, (const void *)(uintptr_t)key, 1);
  graph_add_edge(g, src, dst, filter);
}

void graph_add_copy(graph *g, node_id src, node_id dst) {
  graph_add_filtered_copy(g, src, dst, 0);
}

sink *graph_add_sink(graph *g, node_id n, sink_kind kind, escape_reason reason,
                     LLVMValueRef inst, LLVMValueRef callee) {
  if (n == NO_ID)
    return NULL;
  VEC_GROW(g->sinks, g->nsinks, g->capsinks);
  sink *s = &g->sinks[g->nsinks];
  *s = (sink){.kind = kind, .reason = reason, .inst = inst, .callee = callee,
              .target = NO_ID};
  u32vec_push_in(&g->arena, &g->nodes[n].sinks, g->nsinks++);
  return s;
}

void graph_add_load(graph *g, node_id ptr, node_id dst, uint32_t size,
                    load_kind kind) {
  if (ptr == NO_ID || dst == NO_ID)
    return; /* through null (UB), or into a value that holds no bits */
  node *n = &g->nodes[ptr];
  ARENA_GROW(&g->arena, n->loads, n->nloads, n->caploads);
  n->loads[n->nloads++] = (mem_access){dst, 0, size, (uint8_t)kind};
}

void graph_add_store(graph *g, node_id ptr, node_id value, uint32_t size,
                     bool number) {
  if (ptr == NO_ID || (value == NO_ID && !number))
    return; /* through null (UB), or a null pointer stored: nothing */
  node *n = &g->nodes[ptr];
  ARENA_GROW(&g->arena, n->stores, n->nstores, n->capstores);
  n->stores[n->nstores++] = (mem_access){value, 0, size, number};
}

/* --- values --------------------------------------------------------------- */

static bool gep_offset(graph *g, LLVMValueRef gep, int64_t *offset);

/* Addresses below this are never an object's: the zero page is unmapped
 * everywhere; (T *)0 + 16 (offsetof, or code behind a null test) is none. */
#define ZERO_PAGE 4096

/* A constant pointer whose address is a small number: null plus a constant
 * offset, or a small integer made a pointer. */
static bool in_zero_page(graph *g, LLVMValueRef c, unsigned depth) {
  if (LLVMIsAConstantInt(c))
    return LLVMConstIntGetZExtValue(c) < ZERO_PAGE;
  if (LLVMIsNull(c))
    return true;
  if (!LLVMIsAConstantExpr(c) || depth > 4)
    return false;
  LLVMOpcode op = LLVMGetConstOpcode(c);
  if (op == LLVMIntToPtr || op == LLVMBitCast || op == LLVMAddrSpaceCast)
    return in_zero_page(g, LLVMGetOperand(c, 0), depth + 1);
  int64_t offset;
  return op == LLVMGetElementPtr && in_zero_page(g, LLVMGetOperand(c, 0), depth + 1) &&
         gep_offset(g, c, &offset) && offset >= 0 && offset < ZERO_PAGE;
}

static bool is_null_constant(graph *g, LLVMValueRef c) {
  return LLVMIsNull(c) || LLVMIsUndef(c) || LLVMIsPoison(c) ||
         (LLVMIsAConstantExpr(c) && in_zero_page(g, c, 0));
}

static bool is_pointer_type(LLVMTypeRef type) {
  LLVMTypeKind kind = LLVMGetTypeKind(type);
  if (kind == LLVMVectorTypeKind || kind == LLVMScalableVectorTypeKind)
    kind = LLVMGetTypeKind(LLVMGetElementType(type));
  return kind == LLVMPointerTypeKind;
}

/* Does a constant hold an address? Globals do, and so does every pointer
 * constant but null: a store through (T *)0x601040, or through null plus
 * an offset, goes where the model cannot follow. Numbers hold none. */
static bool constant_holds_address(graph *g, LLVMValueRef c, unsigned depth) {
  if (LLVMIsAGlobalValue(c) || LLVMIsABlockAddress(c))
    return true;
  if (is_null_constant(g, c))
    return false;
  if (is_pointer_type(LLVMTypeOf(c)) || depth > 8)
    return true; /* a constant address, or too deep to look into */
  if (!LLVMIsAConstantExpr(c) && !LLVMIsAConstantArray(c) &&
      !LLVMIsAConstantStruct(c) && !LLVMIsAConstantVector(c))
    return false; /* ConstantInt, ConstantFP, ConstantData*: numbers */
  int n = LLVMGetNumOperands(c);
  for (int i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(c, (unsigned)i);
    if (op && constant_holds_address(g, op, depth + 1))
      return true;
  }
  return false;
}

/* Every value of a first-class type is tracked, whatever its width or kind:
 * pointer bits travel in integer halves, bit-fields, doubles (NaN-boxing),
 * vectors and bytes. Only what cannot hold bits is not. */
static bool is_tracked_type(LLVMTypeRef type) {
  switch (LLVMGetTypeKind(type)) {
  case LLVMVoidTypeKind:
  case LLVMLabelTypeKind:
  case LLVMFunctionTypeKind:
  case LLVMMetadataTypeKind:
  case LLVMTokenTypeKind:
    return false;
  default:
    return true;
  }
}

/* Does a type hold a pointer somewhere (pointer true), or a number
 * somewhere (pointer false: any other scalar)? */
static bool type_has(LLVMTypeRef type, bool pointer) {
  switch (LLVMGetTypeKind(type)) {
  case LLVMPointerTypeKind:
    return pointer;
  case LLVMVectorTypeKind:
  case LLVMScalableVectorTypeKind:
  case LLVMArrayTypeKind:
    return type_has(LLVMGetElementType(type), pointer);
  case LLVMStructTypeKind: {
    unsigned n = LLVMCountStructElementTypes(type);
    for (unsigned i = 0; i < n; i++)
      if (type_has(LLVMStructGetTypeAtIndex(type, i), pointer))
        return true;
    return false;
  }
  default:
    return !pointer;
  }
}

/* Zero bytes are null pointers, not addresses: storing them marks nothing. */
bool graph_is_zero(LLVMValueRef v) { return LLVMIsAConstant(v) && LLVMIsNull(v); }

load_kind graph_load_kind(LLVMTypeRef type) {
  return type_has(type, true) ? LOAD_POINTER : LOAD_NUMBER;
}

bool graph_stores_number(LLVMTypeRef type) { return type_has(type, false); }

node_id graph_value_node(graph *g, LLVMValueRef value) {
  uint32_t id;
  if (ptrmap_get(&g->value_nodes, value, &id))
    return id;
  if (!is_tracked_type(LLVMTypeOf(value))) {
    id = NO_ID;
  } else if (LLVMIsAInstruction(value) || LLVMIsAArgument(value)) {
    id = graph_new_node(g, value);
  } else if (LLVMIsAConstant(value)) {
    id = constant_holds_address(g, value, 0) ? g->ext_node : NO_ID;
  } else {
    id = NO_ID; /* metadata, inline asm, basic blocks */
  }
  ptrmap_put(&g->value_nodes, value, id);
  return id;
}

/* A node whose set is the one cell (o, offset): the value &o. */
node_id graph_address_node(graph *g, object_id o, int32_t offset,
                           LLVMValueRef value) {
  node_id n = value ? graph_value_node(g, value) : NO_ID;
  if (n == NO_ID) /* a helper */
    n = graph_new_node(g, NULL);
  solve_add_cell(g, n, graph_cell(g, o, offset));
  if (g->objects[o].address == NO_ID)
    g->objects[o].address = n;
  return n;
}

static uint32_t store_size(graph *g, LLVMTypeRef type) {
  if (!LLVMTypeIsSized(type) || LLVMGetTypeKind(type) == LLVMScalableVectorTypeKind)
    return ANY_SIZE;
  unsigned long long bytes = LLVMStoreSizeOfType(g->layout, type);
  return bytes > UINT32_MAX ? ANY_SIZE : (uint32_t)bytes;
}

/* --- address arithmetic --------------------------------------------------- */

/* The constant byte offset a GEP adds to its base, if it has one. */
static bool gep_offset(graph *g, LLVMValueRef gep, int64_t *offset) {
  LLVMTypeRef type = LLVMGetGEPSourceElementType(gep);
  unsigned n = (unsigned)LLVMGetNumOperands(gep);
  int64_t total = 0;
  for (unsigned i = 1; i < n; i++) {
    LLVMValueRef index = LLVMGetOperand(gep, i);
    if (!LLVMIsAConstantInt(index) || LLVMGetTypeKind(type) == LLVMScalableVectorTypeKind)
      return false;
    int64_t k = LLVMConstIntGetSExtValue(index);
    if (i > 1 && LLVMGetTypeKind(type) == LLVMStructTypeKind) {
      total += (int64_t)LLVMOffsetOfElement(g->layout, type, (unsigned)k);
      type = LLVMStructGetTypeAtIndex(type, (unsigned)k);
      continue;
    }
    if (i > 1)
      type = LLVMGetElementType(type);
    if (!LLVMTypeIsSized(type))
      return false;
    total += k * (int64_t)LLVMABISizeOfType(g->layout, type);
    if (total < -MAX_FIELD_OFFSET || total > MAX_FIELD_OFFSET)
      return false;
  }
  *offset = total;
  return true;
}

/* May the base of a GEP be null, so that base + index is the index itself,
 * an integer made an address ((char *)0 + (uintptr_t)p)? */
static bool may_be_null_base(graph *g, LLVMValueRef base) {
  if (LLVMIsAConstant(base))
    return is_null_constant(g, base);
  if (LLVMIsAPHINode(base) || LLVMIsASelectInst(base)) {
    unsigned n = (unsigned)LLVMGetNumOperands(base);
    for (unsigned i = LLVMIsASelectInst(base) ? 1 : 0; i < n; i++) {
      LLVMValueRef in = LLVMGetOperand(base, i);
      if (LLVMIsAConstant(in) && is_null_constant(g, in))
        return true;
    }
  }
  return false;
}

/* Does value v come back, through GEPs, casts, phis and selects, to phi?
 * Then a GEP on phi steps a pointer around a loop (p = p + 8). */
static bool flows_back_to(LLVMValueRef v, LLVMValueRef phi, unsigned depth) {
  if (v == phi)
    return true;
  if (depth > 6 || !LLVMIsAInstruction(v))
    return false;
  if (!LLVMIsAGetElementPtrInst(v) && !LLVMIsACastInst(v) && !LLVMIsAPHINode(v) &&
      !LLVMIsASelectInst(v))
    return false;
  unsigned n = (unsigned)LLVMGetNumOperands(v);
  for (unsigned i = LLVMIsASelectInst(v) ? 1 : 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(v, i);
    if (LLVMIsAGetElementPtrInst(v) && i > 0)
      break; /* only the base of a GEP */
    if (flows_back_to(op, phi, depth + 1))
      return true;
  }
  return false;
}

/* Is base a phi that a loop steps: one of its incoming values is computed
 * from the phi itself by address arithmetic? */
static bool is_stepped(LLVMValueRef base) {
  if (!LLVMIsAPHINode(base))
    return false;
  unsigned n = LLVMCountIncoming(base);
  for (unsigned i = 0; i < n; i++) {
    LLVMValueRef in = LLVMGetIncomingValue(base, i);
    if (in != base && flows_back_to(in, base, 0))
      return true;
  }
  return false;
}

/* A GEP shifts the cells of its base. Offsets are forgotten when they are
 * not constant, and when the base is a pointer stepped around a loop (a new
 * cell per iteration otherwise); a phi that merely merges pointers, such as
 * a list walk's n = n->next, keeps them, so that n->count = 0 stays out of
 * n->next. Each index that carries
 * pointer bits is a SINK_INDEX (solve.c): reading memory at an address
 * computed from p's bits reveals them (a lookup table), so p escapes, and
 * the result may point where p does ((char *)q + (p - q) is p). */
static void build_gep(graph *g, LLVMValueRef gep) {
  node_id result = graph_value_node(g, gep);
  LLVMValueRef base = LLVMGetOperand(gep, 0);
  int64_t offset;
  bool known = !is_stepped(base) && gep_offset(g, gep, &offset);
  graph_add_edge(g, graph_value_node(g, base), result,
                 known ? (int32_t)offset : DELTA_ANY);
  bool null_base = may_be_null_base(g, base);
  int n = LLVMGetNumOperands(gep);
  for (int i = 1; i < n; i++) {
    sink *s = graph_add_sink(g, graph_value_node(g, LLVMGetOperand(gep, (unsigned)i)),
                             SINK_INDEX, REASON_ADDRESS_BITS, gep, NULL);
    if (s) {
      s->target = result;
      s->null_base = null_base;
    }
  }
}

/* --- computation ---------------------------------------------------------- */

/* Default rule, sound for any instruction that only computes: the result
 * may carry anything its operands carry. Instructions that move a value
 * unchanged (phi, select, casts that keep the bits, aggregate and vector
 * moves) keep the offset; arithmetic on pointer bits forgets it. */
static bool keeps_bits(LLVMOpcode op) {
  switch (op) {
  case LLVMPHI:
  case LLVMSelect:
  case LLVMBitCast:
  case LLVMAddrSpaceCast:
  case LLVMPtrToInt:
  case LLVMIntToPtr:
  case LLVMFreeze:
  case LLVMExtractValue:
  case LLVMInsertValue:
  case LLVMExtractElement:
  case LLVMInsertElement:
  case LLVMShuffleVector:
    return true;
  default:
    return false;
  }
}

/* C's pointer subtraction, `p - q`: clang emits the difference of two
 * ptrtoints. Whether it carries a pointer is decided once the operands'
 * cells are known (solve.c): an offset within one object carries none. */
static bool is_pointer_difference(LLVMValueRef inst) {
  return LLVMGetInstructionOpcode(inst) == LLVMSub &&
         LLVMIsAPtrToIntInst(LLVMGetOperand(inst, 0)) &&
         LLVMIsAPtrToIntInst(LLVMGetOperand(inst, 1));
}

static void flow_operands(graph *g, LLVMValueRef inst, node_id result) {
  LLVMOpcode op = LLVMGetInstructionOpcode(inst);
  if (is_pointer_difference(inst) && result != NO_ID) {
    ARENA_GROW(&g->arena, g->differences, g->ndifferences, g->capdifferences);
    g->differences[g->ndifferences++] =
        (difference){graph_value_node(g, LLVMGetOperand(inst, 0)),
                     graph_value_node(g, LLVMGetOperand(inst, 1)), result, false};
    return;
  }
  int32_t delta = keeps_bits(op) ? 0 : DELTA_ANY;
  int n = LLVMGetNumOperands(inst);
  for (int i = 0; i < n; i++) {
    LLVMValueRef v = LLVMGetOperand(inst, (unsigned)i);
    if (!v || LLVMIsABasicBlock(v))
      continue;
    /* a select's condition decides which value comes out: its bits too */
    bool condition = op == LLVMSelect && i == 0;
    graph_add_edge(g, graph_value_node(g, v), result, condition ? DELTA_ANY : delta);
  }
}

static bool is_pointer_like(LLVMValueRef v) {
  return (is_pointer_type(LLVMTypeOf(v)) && !LLVMIsAIntToPtrInst(v)) ||
         LLVMIsAPtrToIntInst(v);
}

/* A compare. Of numbers (which may be pointer bits: halves, masks, tags,
 * the result of memcmp), the result carries their cells, so that a branch
 * on it makes them escape: p rebuilt bit by bit through branches. Of two
 * pointers (or their ptrtoints), nothing: into one object it is an offset;
 * into two, C and LLVM say they are never equal (a pointer based on one
 * object reaches another only by undefined behaviour, and InstCombine folds
 * such a compare with a non-escaping alloca to false). With a constant that
 * is neither null nor a global, a guessed address, the result carries the
 * pointer's cells. A pointer made from an integer (inttoptr: perhaps p's
 * masked bits) compares as a number. */
static void build_compare(graph *g, LLVMValueRef inst) {
  node_id result = graph_value_node(g, inst);
  LLVMValueRef a = LLVMGetOperand(inst, 0), b = LLVMGetOperand(inst, 1);
  bool ca = LLVMIsAConstant(a) != NULL, cb = LLVMIsAConstant(b) != NULL;
  bool pointers = (ca || is_pointer_like(a)) && (cb || is_pointer_like(b)) &&
                  LLVMIsAICmpInst(inst);
  if (!pointers) {
    graph_add_edge(g, graph_value_node(g, a), result, DELTA_ANY);
    graph_add_edge(g, graph_value_node(g, b), result, DELTA_ANY);
    return;
  }
  if (ca || cb) {
    LLVMValueRef k = ca ? a : b, other = ca ? b : a;
    if (LLVMIsAConstantExpr(k) && LLVMGetConstOpcode(k) == LLVMPtrToInt)
      k = LLVMGetOperand(k, 0);
    bool harmless = is_null_constant(g, k) || LLVMIsAGlobalValue(k) ||
                    (LLVMIsAConstantExpr(k) &&
                     LLVMGetConstOpcode(k) == LLVMGetElementPtr && LLVMIsInBounds(k) &&
                     LLVMIsAGlobalValue(LLVMGetOperand(k, 0)));
    if (!harmless) /* a guess at p's address decides what follows */
      graph_add_edge(g, graph_value_node(g, other), result, DELTA_ANY);
  }
}

static void escape_operands(graph *g, LLVMValueRef inst, escape_reason why) {
  int n = LLVMGetNumOperands(inst);
  for (int i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, (unsigned)i);
    if (op && !LLVMIsABasicBlock(op))
      graph_add_sink(g, graph_value_node(g, op), SINK_ESCAPE, why, inst, NULL);
  }
}

/* A branch, switch or indirect branch on bits of p reveals them: whatever
 * is computed under it may rebuild p, so p escapes. */
static void build_terminator(graph *g, LLVMValueRef inst, LLVMOpcode op) {
  LLVMValueRef decides = NULL;
  if (op == LLVMBr && LLVMIsConditional(inst))
    decides = LLVMGetCondition(inst);
  else if (op == LLVMSwitch || op == LLVMIndirectBr)
    decides = LLVMGetOperand(inst, 0);
  if (decides)
    graph_add_sink(g, graph_value_node(g, decides), SINK_ESCAPE,
                   REASON_ADDRESS_BITS, inst, NULL);
}

/* --- calls and memory ----------------------------------------------------- */

/* The operands of an allocation that give its size: their bits go to the
 * allocator, which hands them back (malloc_usable_size). */
static void size_operands_escape(graph *g, LLVMValueRef call, libc_call kind) {
  unsigned first = kind == LIBC_REALLOC ? 1 : kind == LIBC_POSIX_MEMALIGN ? 1 : 0;
  unsigned nargs = LLVMGetNumArgOperands(call);
  for (unsigned i = first; i < nargs; i++)
    graph_add_sink(g, graph_value_node(g, LLVMGetOperand(call, i)), SINK_ESCAPE,
                   REASON_ADDRESS_BITS, call, NULL);
}

static void build_site(graph *g, LLVMValueRef call, libc_call kind) {
  escape_module *m = g->module;
  VEC_GROW(m->sites, m->nsites, m->capsites);
  site *s = &m->sites[m->nsites];
  *s = (site){.call = call, .fn = g->fn, .kind = kind,
              .from_wrapper = LLVMGetMetadata(call, m->md_wrapper) != NULL,
              .group = NO_GROUP};
  s->size_known = candidates_const_size(call, kind, &s->size, &s->overflow);
  s->align = candidates_const_align(call, kind);
  object_id o = new_object(g, OBJ_SITE, call);
  g->objects[o].site = m->nsites;
  ptrmap_put(&g->site_calls, call, m->nsites);
  u32vec_push(&g->sites, m->nsites++);
  if (kind == LIBC_POSIX_MEMALIGN) {
    node_id address = graph_address_node(g, o, 0, NULL);
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), address,
                    ANY_SIZE, false);
  } else {
    graph_address_node(g, o, 0, call);
  }
  if (kind == LIBC_WRAPPER) /* its arguments go where its summary says */
    return;
  if (kind == LIBC_REALLOC)
    graph_add_sink(g, graph_value_node(g, LLVMGetOperand(call, 0)), SINK_ESCAPE,
                   REASON_REALLOC, call, NULL);
  size_operands_escape(g, call, kind);
}

static void build_free(graph *g, LLVMValueRef call) {
  VEC_GROW(g->frees, g->nfrees, g->capfrees);
  g->frees[g->nfrees++] =
      (free_call){call, graph_value_node(g, LLVMGetOperand(call, 0)), NO_ID};
}

/* While wrappers are sought (wrappers.h), a call to an allocation wrapper is
 * an allocation site and a call to a release wrapper a free; the run that
 * decides models both as calls, or sees their bodies inlined. */
static bool build_wrapper_call(graph *g, LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  fn_summary *s = callee && LLVMIsAFunction(callee) &&
                          LLVMGetInstructionOpcode(call) == LLVMCall
                      ? module_summary(g->module, callee)
                      : NULL;
  if (!s || LLVMGetCalledFunctionType(call) != LLVMGlobalGetValueType(callee))
    return false;
  if (s->allocator) {
    call_model_arguments(g, call, s);
    build_site(g, call, LIBC_WRAPPER);
    return true;
  }
  if (s->deallocator) {
    build_free(g, call);
    return true;
  }
  return false;
}

static void build_call(graph *g, LLVMValueRef call) {
  libc_call kind = candidates_classify(call);
  switch (kind) {
  case LIBC_NONE:
    if (!g->module->finding_wrappers || !build_wrapper_call(g, call))
      call_model(g, call);
    return;
  case LIBC_FREE:
    build_free(g, call);
    return;
  default:
    build_site(g, call, kind);
    return;
  }
}

/* Loads read whatever overlaps, whatever the types; stores of numbers mark
 * the bytes so that a pointer read from them later is {ext} (a union whose
 * integer member holds a guessed address, read through its pointer member). */
static void build_memory_access(graph *g, LLVMValueRef inst, LLVMOpcode op) {
  LLVMValueRef ptr = LLVMGetOperand(inst, op == LLVMStore ? 1 : 0);
  node_id ptr_node = graph_value_node(g, ptr);
  bool is_volatile = (op == LLVMLoad || op == LLVMStore) && LLVMGetVolatile(inst);
  LLVMValueRef data = op == LLVMLoad ? inst : LLVMGetOperand(inst, op == LLVMStore ? 0 : 1);
  LLVMTypeRef type = LLVMTypeOf(data);
  uint32_t size = store_size(g, type);
  if (op != LLVMStore)
    graph_add_load(g, ptr_node, graph_value_node(g, inst), size, graph_load_kind(type));
  if (op != LLVMLoad) {
    /* store: operand 0; atomicrmw: operand 1; cmpxchg: operands 1 and 2 */
    unsigned first = op == LLVMStore ? 0 : 1;
    unsigned last = op == LLVMAtomicCmpXchg ? 2 : first;
    for (unsigned i = first; i <= last; i++) {
      LLVMValueRef v = LLVMGetOperand(inst, i);
      graph_add_store(g, ptr_node, graph_value_node(g, v), size,
                      graph_stores_number(type) && !graph_is_zero(v));
    }
    if (op == LLVMAtomicCmpXchg) /* the result also carries the compared value */
      graph_add_copy(g, graph_value_node(g, LLVMGetOperand(inst, 1)),
                     graph_value_node(g, inst));
  }
  if (is_volatile)
    escape_operands(g, inst, REASON_VOLATILE);
}

static void build_instruction(graph *g, LLVMValueRef inst) {
  LLVMOpcode op = LLVMGetInstructionOpcode(inst);
  switch (op) {
  case LLVMAlloca: {
    object_id o = new_object(g, OBJ_ALLOCA, inst);
    graph_address_node(g, o, 0, inst);
    return;
  }
  case LLVMGetElementPtr:
    build_gep(g, inst);
    return;
  case LLVMCall:
  case LLVMInvoke:
  case LLVMCallBr:
    build_call(g, inst);
    return;
  case LLVMLoad:
  case LLVMStore:
  case LLVMAtomicRMW:
  case LLVMAtomicCmpXchg:
    build_memory_access(g, inst, op);
    return;
  case LLVMRet:
    if (LLVMGetNumOperands(inst) > 0)
      graph_add_copy(g, graph_value_node(g, LLVMGetOperand(inst, 0)), g->result);
    return;
  case LLVMVAArg:
  case LLVMLandingPad:
    graph_add_copy(g, g->ext_node, graph_value_node(g, inst));
    return;
  case LLVMIntToPtr: /* an integer made an address: it may be any address */
    flow_operands(g, inst, graph_value_node(g, inst));
    graph_add_copy(g, g->ext_node, graph_value_node(g, inst));
    return;
  case LLVMResume:
  case LLVMCatchPad:
  case LLVMCleanupPad:
  case LLVMCatchSwitch:
  case LLVMCatchRet:
  case LLVMCleanupRet:
    escape_operands(g, inst, REASON_EXCEPTION);
    return;
  case LLVMICmp:
  case LLVMFCmp:
    build_compare(g, inst);
    return;
  case LLVMBr:
  case LLVMSwitch:
  case LLVMIndirectBr:
    build_terminator(g, inst, op);
    return;
  case LLVMUnreachable:
  case LLVMFence:
    return;
  default:
    flow_operands(g, inst, graph_value_node(g, inst));
    return;
  }
}

/* --- parameters ----------------------------------------------------------- */

/* Caller memory two or more levels below parameter param: one object,
 * whose loads yield itself, so that walking a caller's list reads it
 * without making the list escape. */
static object_id param_deep(graph *g, uint32_t param) {
  if (g->param_deep.data[param] != NO_ID)
    return g->param_deep.data[param];
  object_id deep = new_object(g, OBJ_PARAM_DEEP, g->fn);
  g->objects[deep].param = param;
  g->objects[deep].preset = graph_address_node(g, deep, ANY_OFFSET, NULL);
  g->param_deep.data[param] = deep;
  return deep;
}

object_id graph_param_content(graph *g, uint32_t param, int32_t offset,
                              uint32_t size) {
  /* Each field read apart is one more object, which every node holding
   * *p's pointers carries: past MAX_PARAM_READS the rest are read as one. */
  if (offset == ANY_OFFSET || size == ANY_SIZE || size > (1u << 20) ||
      g->param_nreads.data[param] >= MAX_PARAM_READS)
    offset = ANY_OFFSET, size = ANY_SIZE;
  uint64_t key = ((uint64_t)param << 40 | (uint64_t)(uint32_t)(offset + 1) << 20 |
                  size) + 1;
  uint32_t id;
  if (ptrmap_get(&g->param_reads, (const void *)(uintptr_t)key, &id))
    return id;
  id = new_object(g, OBJ_PARAM_CONTENT, g->fn);
  g->param_nreads.data[param]++;
  object *o = &g->objects[id];
  o->param = param;
  o->read_offset = offset;
  o->read_size = size;
  ptrmap_put(&g->param_reads, (const void *)(uintptr_t)key, id);
  object_id deep = param_deep(g, param);
  g->objects[id].preset = g->objects[deep].preset;
  return id;
}

/* A parameter points to caller memory. What a load from it yields is made
 * per field read (graph_param_content), so that the summary can say which
 * field of the caller's object goes where. Parameters of every type: an
 * integer may carry the caller's pointer bits. */
static void build_params(graph *g) {
  unsigned n = LLVMCountParams(g->fn);
  for (unsigned i = 0; i < n; i++) {
    object_id pointee = new_object(g, OBJ_PARAM, g->fn);
    g->objects[pointee].param = i;
    graph_address_node(g, pointee, 0, LLVMGetParam(g->fn, i));
    u32vec_push(&g->param_objects, pointee);
    u32vec_push(&g->param_deep, NO_ID);
    u32vec_push(&g->param_nreads, 0);
  }
}

void graph_build(graph *g, escape_module *module, LLVMValueRef fn,
                 uint32_t ninstructions) {
  *g = (graph){.module = module, .fn = fn};
  /* the solver's work grows with the function, not beyond a fixed multiple */
  g->max_work = module->config->max_work * ((uint64_t)ninstructions + 1);
  /* size the node table and the value map at once, not value by value */
  uint32_t values = ninstructions + LLVMCountParams(fn);
  ptrmap_reserve(&g->value_nodes, values);
  g->capnodes = values + 16;
  g->nodes = escape_xrealloc(NULL, g->capnodes * sizeof *g->nodes);
  g->layout = LLVMGetModuleDataLayout(module->module);
  object_id ext = new_object(g, OBJ_EXT, NULL);
  g->objects[ext].escaped = true;
  g->ext_node = graph_new_node(g, NULL);
  solve_add_cell(g, g->ext_node, graph_cell(g, ext, ANY_OFFSET));
  g->objects[ext].preset = g->ext_node;
  /* {num}: bytes stored as numbers; as memory it is unknown, like {ext} */
  object_id num = new_object(g, OBJ_NUM, NULL);
  g->objects[num].escaped = true;
  graph_cell(g, num, ANY_OFFSET);
  g->objects[num].preset = g->ext_node;
  g->result = graph_new_node(g, NULL);
  graph_add_sink(g, g->result, SINK_RETURN, REASON_RETURNED, NULL, NULL);
  build_params(g);
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef inst = LLVMGetFirstInstruction(bb); inst;
         inst = LLVMGetNextInstruction(inst))
      build_instruction(g, inst);
}

void graph_free(graph *g) {
  arena_free(&g->arena);
  free(g->nodes);
  free(g->objects);
  free(g->cells);
  ptrmap_free(&g->cell_index);
  free(g->sinks);
  free(g->frees);
  u32vec_free(&g->sites);
  ptrmap_free(&g->site_calls);
  u32vec_free(&g->param_objects);
  u32vec_free(&g->param_deep);
  u32vec_free(&g->param_nreads);
  u32vec_free(&g->worklist);
  ptrmap_free(&g->value_nodes);
  ptrmap_free(&g->param_reads);
  ptrmap_free(&g->copy_edges);
  *g = (graph){0};
}
