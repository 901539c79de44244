/* graph.c — builds the location graph of one function from its IR
 * (see include/escape/graph.h for the model). Owns the translation of every
 * instruction except calls, which call.c translates. */
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
                            .address = NO_ID};
  g->nodes[content].owner = id;
  return id;
}

void graph_add_copy(graph *g, node_id src, node_id dst) {
  if (src == dst || src == NO_ID || dst == NO_ID)
    return;
  uint64_t key = ((uint64_t)src << 32 | dst) + 1;
  uint32_t seen;
  if (ptrmap_get(&g->copy_edges, (const void *)(uintptr_t)key, &seen))
    return;
  ptrmap_put(&g->copy_edges, (const void *)(uintptr_t)key, 1);
  u32vec_push(&g->nodes[src].copies, dst);
  const objset *pts = &g->nodes[src].pts;
  for (uint32_t i = 0; i < objset_slots(pts); i++) {
    uint32_t o = objset_at(&g->nodes[src].pts, i);
    if (o != OBJSET_EMPTY)
      solve_add_object(g, dst, o);
  }
}

void graph_add_sink(graph *g, node_id n, sink_kind kind, escape_reason reason,
                    LLVMValueRef inst, LLVMValueRef callee) {
  if (n == NO_ID)
    return;
  VEC_GROW(g->sinks, g->nsinks, g->capsinks);
  g->sinks[g->nsinks] =
      (sink){.kind = kind, .reason = reason, .inst = inst, .callee = callee};
  u32vec_push(&g->nodes[n].sinks, g->nsinks++);
}

static bool constant_holds_global(LLVMValueRef c, unsigned depth) {
  if (LLVMIsAGlobalValue(c))
    return true;
  if (depth > 8)
    return true; /* deeply nested constant: assume it may */
  if (!LLVMIsAConstantExpr(c) && !LLVMIsAConstantArray(c) &&
      !LLVMIsAConstantStruct(c) && !LLVMIsAConstantVector(c) &&
      !LLVMIsABlockAddress(c))
    return false;
  int n = LLVMGetNumOperands(c);
  for (int i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(c, (unsigned)i);
    if (op && constant_holds_global(op, depth + 1))
      return true;
  }
  return false;
}

/* Can a value of this type hold a pointer? Pointers, integers at least as
 * wide as one, and vectors and aggregates of them. Narrower integers and
 * floating-point values cannot; a pointer copied byte by byte through them
 * by a hand-written loop is therefore not followed (memcpy, memmove and
 * struct copies are). */
static bool can_hold_pointer(LLVMTypeRef type) {
  switch (LLVMGetTypeKind(type)) {
  case LLVMPointerTypeKind:
    return true;
  case LLVMIntegerTypeKind:
    return LLVMGetIntTypeWidth(type) >= 64;
  case LLVMVectorTypeKind:
  case LLVMScalableVectorTypeKind:
  case LLVMArrayTypeKind:
    return can_hold_pointer(LLVMGetElementType(type));
  case LLVMStructTypeKind: {
    unsigned n = LLVMCountStructElementTypes(type);
    for (unsigned i = 0; i < n; i++)
      if (can_hold_pointer(LLVMStructGetTypeAtIndex(type, i)))
        return true;
    return false;
  }
  default:
    return false;
  }
}

node_id graph_value_node(graph *g, LLVMValueRef value) {
  uint32_t id;
  if (ptrmap_get(&g->value_nodes, value, &id))
    return id;
  if (!can_hold_pointer(LLVMTypeOf(value))) {
    id = NO_ID;
  } else if (LLVMIsAInstruction(value) || LLVMIsAArgument(value)) {
    id = graph_new_node(g, value);
  } else if (LLVMIsAConstant(value)) {
    id = constant_holds_global(value, 0) ? g->ext_node : NO_ID;
  } else {
    id = NO_ID; /* metadata, inline asm, basic blocks */
  }
  ptrmap_put(&g->value_nodes, value, id);
  return id;
}

/* A node whose set is the one object o: the value &o. */
node_id graph_address_node(graph *g, object_id o, LLVMValueRef value) {
  node_id n = value ? graph_value_node(g, value) : NO_ID;
  if (n == NO_ID) /* a helper, or a value whose type cannot hold a pointer */
    n = graph_new_node(g, NULL);
  solve_add_object(g, n, o);
  if (g->objects[o].address == NO_ID)
    g->objects[o].address = n;
  return n;
}

void graph_add_load(graph *g, node_id ptr, node_id dst) {
  if (ptr != NO_ID && dst != NO_ID)
    u32vec_push(&g->nodes[ptr].loads, dst);
}

void graph_add_store(graph *g, node_id ptr, node_id value) {
  if (ptr != NO_ID && value != NO_ID)
    u32vec_push(&g->nodes[ptr].stores, value);
}

/* Default rule, sound for any instruction that only computes: the result
 * may carry anything its operands carry (GEPs, casts, arithmetic on
 * pointer bits, phis, selects, aggregates, vectors). */
static void flow_operands(graph *g, LLVMValueRef inst, node_id result) {
  int n = LLVMGetNumOperands(inst);
  for (int i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, (unsigned)i);
    if (op)
      graph_add_copy(g, graph_value_node(g, op), result);
  }
}

static void escape_operands(graph *g, LLVMValueRef inst, escape_reason why) {
  int n = LLVMGetNumOperands(inst);
  for (int i = 0; i < n; i++) {
    LLVMValueRef op = LLVMGetOperand(inst, (unsigned)i);
    if (op)
      graph_add_sink(g, graph_value_node(g, op), SINK_ESCAPE, why, inst, NULL);
  }
}

static void build_site(graph *g, LLVMValueRef call, libc_call kind) {
  escape_module *m = g->module;
  VEC_GROW(m->sites, m->nsites, m->capsites);
  site *s = &m->sites[m->nsites];
  *s = (site){.call = call, .fn = g->fn, .kind = kind};
  s->size_known = candidates_const_size(call, kind, &s->size, &s->overflow);
  s->align = candidates_const_align(call, kind);
  object_id o = new_object(g, OBJ_SITE, call);
  g->objects[o].site = m->nsites;
  u32vec_push(&g->sites, m->nsites++);
  if (kind == LIBC_POSIX_MEMALIGN) {
    node_id address = graph_address_node(g, o, NULL);
    graph_add_store(g, graph_value_node(g, LLVMGetOperand(call, 0)), address);
  } else {
    graph_address_node(g, o, call);
  }
  if (kind == LIBC_REALLOC)
    graph_add_sink(g, graph_value_node(g, LLVMGetOperand(call, 0)), SINK_ESCAPE,
                   REASON_REALLOC, call, NULL);
}

static void build_call(graph *g, LLVMValueRef call) {
  libc_call kind = candidates_classify(call);
  switch (kind) {
  case LIBC_NONE:
    call_model(g, call);
    return;
  case LIBC_FREE:
    VEC_GROW(g->frees, g->nfrees, g->capfrees);
    g->frees[g->nfrees++] =
        (free_call){call, graph_value_node(g, LLVMGetOperand(call, 0))};
    return;
  default:
    build_site(g, call, kind);
    return;
  }
}

static void build_memory_access(graph *g, LLVMValueRef inst, LLVMOpcode op) {
  LLVMValueRef ptr = LLVMGetOperand(inst, op == LLVMStore ? 1 : 0);
  node_id ptr_node = graph_value_node(g, ptr);
  bool is_volatile = (op == LLVMLoad || op == LLVMStore) && LLVMGetVolatile(inst);
  if (op != LLVMStore)
    graph_add_load(g, ptr_node, graph_value_node(g, inst));
  if (op != LLVMLoad) {
    /* store: operand 0; atomicrmw: operand 1; cmpxchg: operands 1 and 2 */
    unsigned first = op == LLVMStore ? 0 : 1;
    unsigned last = op == LLVMAtomicCmpXchg ? 2 : first;
    for (unsigned i = first; i <= last; i++)
      graph_add_store(g, ptr_node, graph_value_node(g, LLVMGetOperand(inst, i)));
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
    graph_address_node(g, o, inst);
    return;
  }
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
  case LLVMBr:
  case LLVMSwitch:
  case LLVMIndirectBr:
  case LLVMUnreachable:
  case LLVMFence:
    return; /* compare results and control flow carry no pointer */
  default:
    flow_operands(g, inst, graph_value_node(g, inst));
    return;
  }
}

static void build_params(graph *g) {
  unsigned n = LLVMCountParams(g->fn);
  for (unsigned i = 0; i < n; i++) {
    object_id pointee = new_object(g, OBJ_PARAM, g->fn);
    object_id content = new_object(g, OBJ_PARAM_CONTENT, g->fn);
    g->objects[pointee].param = g->objects[content].param = i;
    /* What the caller's memory holds: one level down the content object,
     * further down {ext}. Loads read these presets as well as stores made
     * in this function, so that any store into the caller's memory is seen. */
    g->objects[pointee].preset = graph_address_node(g, content, NULL);
    g->objects[content].preset = g->ext_node;
    graph_address_node(g, pointee, LLVMGetParam(g->fn, i));
    u32vec_push(&g->param_objects, pointee);
  }
}

void graph_build(graph *g, escape_module *module, LLVMValueRef fn) {
  *g = (graph){.module = module, .fn = fn};
  object_id ext = new_object(g, OBJ_EXT, NULL);
  g->objects[ext].escaped = true;
  g->ext_node = graph_new_node(g, NULL);
  solve_add_object(g, g->ext_node, ext);
  g->objects[ext].preset = g->ext_node;
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
  for (uint32_t i = 0; i < g->nnodes; i++) {
    node *n = &g->nodes[i];
    objset_free(&n->pts);
    u32vec_free(&n->pending);
    u32vec_free(&n->copies);
    u32vec_free(&n->loads);
    u32vec_free(&n->stores);
    u32vec_free(&n->sinks);
  }
  free(g->nodes);
  free(g->objects);
  free(g->sinks);
  free(g->frees);
  u32vec_free(&g->sites);
  u32vec_free(&g->param_objects);
  u32vec_free(&g->worklist);
  ptrmap_free(&g->value_nodes);
  ptrmap_free(&g->copy_edges);
  *g = (graph){0};
}
