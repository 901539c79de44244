/* solve.c — propagates objects through the graph to a fixed point and
 * decides escapes (see include/escape/solve.h).
 *
 * Rules, applied as each object o arrives at node n:
 *   copy edge n -> s        o arrives at s
 *   load edge n -> d        what o holds (its content, and its preset) flows to d
 *   store edge n <- v       what v holds flows into o's content
 *   sink on n               o escapes / is returned / may be freed by a callee
 *   n is the content of x   o is stored in x: if x escaped or is the caller's
 *                           memory, o escapes with it
 * Escaping is transitive: when o escapes, everything stored in o escapes,
 * and o's content gains {ext}, since code outside can now write into it. */
#include "escape/solve.h"

void solve_add_object(graph *g, node_id n, object_id o) {
  node *nd = &g->nodes[n];
  if (!objset_add(&nd->pts, o))
    return;
  u32vec_push(&nd->pending, o);
  if (!nd->queued) {
    nd->queued = true;
    u32vec_push(&g->worklist, n);
  }
}

static bool is_caller_memory(const object *o) {
  return o->kind == OBJ_PARAM || o->kind == OBJ_PARAM_CONTENT;
}

void solve_escape(graph *g, object_id o, escape_cause cause) {
  object *obj = &g->objects[o];
  if (obj->escaped)
    return;
  obj->escaped = true;
  obj->cause = cause;
  /* What it holds escapes with it: the objects already in its content go
   * through the content rule again, now that the holder has escaped (a
   * worklist, not recursion: chains of linked objects can be long). Its
   * content also gains {ext}, since code outside can now write into it. */
  node *content = &g->nodes[obj->content];
  for (uint32_t i = 0; i < objset_slots(&content->pts); i++) {
    object_id x = objset_at(&content->pts, i);
    if (x != OBJSET_EMPTY)
      u32vec_push(&content->pending, x);
  }
  if (content->pending.len && !content->queued) {
    content->queued = true;
    u32vec_push(&g->worklist, obj->content);
  }
  solve_add_object(g, obj->content, OBJ_EXT_ID);
}

static void arrive_in_content(graph *g, object_id holder, object_id x,
                              node_id n) {
  object *h = &g->objects[holder];
  if (x != OBJ_EXT_ID)
    g->objects[x].stored = true;
  if (is_caller_memory(h))
    h->written = true;
  if (h->escaped || is_caller_memory(h))
    solve_escape(g, x, (escape_cause){REASON_STORED, NULL, n, holder, NULL});
}

static void apply_sink(graph *g, const sink *s, object_id o, node_id n) {
  object *obj = &g->objects[o];
  switch (s->kind) {
  case SINK_ESCAPE:
    solve_escape(g, o, (escape_cause){s->reason, s->inst, n, NO_ID, s->callee});
    return;
  case SINK_RETURN:
    if (is_caller_memory(obj))
      obj->returned = true;
    else
      solve_escape(g, o, (escape_cause){REASON_RETURNED, s->inst, n, NO_ID, NULL});
    return;
  case SINK_CALLEE_FREE:
    if (!obj->callee_frees) {
      obj->callee_frees = true;
      obj->freeing_call = s->inst;
    }
    return;
  }
}

static void load_from(graph *g, object_id o, node_id dst) {
  object *obj = &g->objects[o];
  if (obj->kind == OBJ_PARAM_CONTENT)
    obj->deep_loaded = true;
  node_id content = obj->content, preset = obj->preset;
  graph_add_copy(g, content, dst);
  graph_add_copy(g, preset, dst);
}

/* Propagates one object that just arrived at node n. Edge lists may grow
 * while we walk them (a load from n's own content); re-read them each time.
 * An edge added meanwhile already carried o when it was added. */
static void propagate(graph *g, node_id n, object_id o) {
  for (uint32_t i = 0; i < g->nodes[n].copies.len; i++)
    solve_add_object(g, g->nodes[n].copies.data[i], o);
  for (uint32_t i = 0; i < g->nodes[n].loads.len; i++)
    load_from(g, o, g->nodes[n].loads.data[i]);
  for (uint32_t i = 0; i < g->nodes[n].stores.len; i++)
    graph_add_copy(g, g->nodes[n].stores.data[i], g->objects[o].content);
  for (uint32_t i = 0; i < g->nodes[n].sinks.len; i++)
    apply_sink(g, &g->sinks[g->nodes[n].sinks.data[i]], o, n);
  if (g->nodes[n].owner != NO_ID)
    arrive_in_content(g, g->nodes[n].owner, o, n);
}

void solve_run(graph *g) {
  u32vec pending = {0};
  while (g->worklist.len) {
    node_id n = g->worklist.data[--g->worklist.len];
    g->nodes[n].queued = false;
    /* take the pending list; arrivals during propagation start a new one */
    u32vec taken = g->nodes[n].pending;
    g->nodes[n].pending = pending;
    pending = (u32vec){0};
    for (uint32_t i = 0; i < taken.len; i++)
      propagate(g, n, taken.data[i]);
    taken.len = 0;
    pending = taken;
  }
  u32vec_free(&pending);
}
