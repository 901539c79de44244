/* solve.c — propagates cells through the graph to a fixed point and
 * decides escapes (see include/escape/solve.h).
 *
 * Rules, applied as each cell (o, k) arrives at node n:
 *   edge n -> s (delta)     (o, k + delta) arrives at s
 *   load d = *n (size)      every field of o that [k, k+size) overlaps, o's
 *                           unknown-offset field and its preset flow to d;
 *                           fields stored later flow to d too
 *   store *n = v (size)     v flows into o's field (k, size)
 *   sink on n               o escapes / is returned / may be freed by a callee
 *   n is a field of x       o is stored in x: if x escaped or is the caller's
 *                           memory, o escapes with it
 *   index of a GEP          o's address bits pick the address read or
 *                           written: o escapes (unless the base is null:
 *                           then the index is the address itself, and the
 *                           result points into o)
 * Escaping is transitive: when o escapes, everything stored in o escapes,
 * and o's unknown-offset field gains {ext}, since code outside can now
 * write into it. Stores of numbers put {num} into the field; a load of a
 * pointer reads {num} as {ext} (the number may be any address), a load of a
 * number drops it, and memcpy's bytes keep it. At the fixed point, pointer
 * differences are settled (settle_differences) and the solver runs again if
 * that added anything.
 *
 * What keeps it near linear on real code (nginx's worst function went from
 * minutes to milliseconds):
 *   - a cell (o, any) stands for every offset of o: a node that holds it
 *     takes no (o, k);
 *   - a load of unknown offset or size reads o's fields through one node
 *     that they all copy into, not one edge per field and load;
 *   - cycles of edges that shift (a cursor advanced and stored back) are
 *     found when an object's cells double, and forget their offsets;
 *   - fields of *p read apart are capped (MAX_PARAM_READS, graph.c).
 * And a hard bound for what nobody has seen yet: past -escape-max-work steps
 * per instruction the solver stops, and nothing its graph says is used
 * (graph.over_budget: decide.c refuses, summary.c gives up the summary). */
#include "escape/solve.h"

#include "escape/support.h"

#include <stdlib.h>

void solve_add_cell(graph *g, node_id n, cell_id c) {
  if (c == NO_ID)
    return;
  node *nd = &g->nodes[n];
  cell at = g->cells[c];
  /* (o, any) stands for every offset of o: where it is, (o, k) adds nothing */
  cell_id any = g->objects[at.object].any_cell;
  if (at.offset != ANY_OFFSET && any != NO_ID && objset_has(&nd->pts, any))
    return;
  if (!objset_add(&g->arena, &nd->pts, c))
    return;
  u32vec_push_in(&g->arena, &nd->pending, c);
  if (!nd->queued) {
    nd->queued = true;
    u32vec_push(&g->worklist, n);
  }
}

cell_id solve_shift(graph *g, cell_id c, int32_t delta) {
  if (delta == 0)
    return c;
  if (delta == DELTA_DROP_NUM)
    return c == NUM_CELL ? NO_ID : c;
  if (delta == DELTA_NUM_EXT)
    return c == NUM_CELL ? EXT_CELL : c;
  cell at = g->cells[c];
  if (delta == DELTA_ANY || at.offset == ANY_OFFSET)
    return graph_cell(g, at.object, ANY_OFFSET);
  return graph_cell(g, at.object, at.offset + delta);
}

static bool is_caller_memory(const object *o) {
  return o->kind == OBJ_PARAM || o->kind == OBJ_PARAM_CONTENT ||
         o->kind == OBJ_PARAM_DEEP;
}

static void repend(graph *g, node_id n) {
  node *nd = &g->nodes[n];
  for (uint32_t i = 0; i < objset_slots(&nd->pts); i++) {
    cell_id c = objset_at(&nd->pts, i);
    if (c != OBJSET_EMPTY)
      u32vec_push_in(&g->arena, &nd->pending, c);
  }
  if (nd->pending.len && !nd->queued) {
    nd->queued = true;
    u32vec_push(&g->worklist, n);
  }
}

void solve_escape(graph *g, object_id o, escape_cause cause) {
  object *obj = &g->objects[o];
  if (obj->escaped)
    return;
  obj->escaped = true;
  obj->cause = cause;
  /* What it holds escapes with it: the cells already in its fields go
   * through the field rule again, now that the holder has escaped (a
   * worklist, not recursion: chains of linked objects can be long). Its
   * unknown-offset field gains {ext}: code outside can write into it. */
  repend(g, obj->content);
  for (uint32_t i = 0; i < obj->nfields; i++)
    repend(g, g->objects[o].fields[i].node);
  solve_add_cell(g, g->objects[o].content, EXT_CELL);
}

/* Notes what was written where into the caller's memory: the summary
 * tells callers, field by field for what p points to. */
static void note_written(graph *g, object *h, node_id n, uint8_t what) {
  if (what == WRITTEN_NUMBER)
    h->number_written = true;
  else
    h->written = true;
  if (h->kind != OBJ_PARAM)
    return;
  if (n == h->content) {
    h->content_written |= what;
    return;
  }
  for (uint32_t i = 0; i < h->nfields; i++)
    if (h->fields[i].node == n)
      h->fields[i].written |= what;
  (void)g;
}

static void arrive_in_field(graph *g, object_id holder, cell_id c, node_id n) {
  object_id x = g->cells[c].object;
  object *h = &g->objects[holder];
  if (x == OBJ_NUM_ID) { /* a number stored: no object */
    if (is_caller_memory(h))
      note_written(g, h, n, WRITTEN_NUMBER);
    return;
  }
  if (x != OBJ_EXT_ID)
    g->objects[x].stored = true;
  if (is_caller_memory(h))
    note_written(g, h, n, WRITTEN_POINTER);
  if (h->escaped || is_caller_memory(h))
    solve_escape(g, x, (escape_cause){REASON_STORED, NULL, n, holder, NULL});
}

/* The offset of a returned cell from the parameter's own value: exact for
 * what p points to and what was loaded from it, forgotten deeper. */
static void note_returned(object *obj, int32_t offset) {
  int32_t delta = offset == ANY_OFFSET || obj->kind == OBJ_PARAM_DEEP ? DELTA_ANY
                                                                       : offset;
  if (!obj->returned)
    obj->returned_delta = delta;
  else if (obj->returned_delta != delta)
    obj->returned_delta = DELTA_ANY;
  obj->returned = true;
}

/* An index of a GEP carries cell c. Off a null base, the index is the
 * address: the result points where it does. Off any other base, the result
 * stays in the base's objects (C's rule; an unknown number added to a base
 * changes nothing), and o's address bits pick what is read or written, a
 * lookup table that can rebuild them: o escapes. Where the index is
 * o - base (q + (p - q)), base's object is among them and escapes too. */
static void apply_index(graph *g, const sink *s, cell_id c, node_id n) {
  object_id o = g->cells[c].object;
  if (s->null_base) {
    bool number = o == OBJ_EXT_ID || o == OBJ_NUM_ID;
    solve_add_cell(g, s->target, number ? EXT_CELL : graph_cell(g, o, ANY_OFFSET));
    return;
  }
  solve_escape(g, o, (escape_cause){s->reason, s->inst, n, NO_ID, NULL});
}

static void apply_sink(graph *g, const sink *s, cell_id c, node_id n) {
  object_id o = g->cells[c].object;
  object *obj = &g->objects[o];
  switch (s->kind) {
  case SINK_ESCAPE:
    solve_escape(g, o, (escape_cause){s->reason, s->inst, n, NO_ID, s->callee});
    return;
  case SINK_RETURN:
    if (is_caller_memory(obj))
      note_returned(obj, g->cells[c].offset);
    else
      solve_escape(g, o, (escape_cause){REASON_RETURNED, s->inst, n, NO_ID, NULL});
    return;
  case SINK_CALLEE_FREE:
    if (!obj->callee_frees) {
      obj->callee_frees = true;
      obj->freeing_call = s->inst;
    }
    return;
  case SINK_INDEX:
    apply_index(g, s, c, n);
    return;
  }
}

static bool overlaps(int32_t offset, uint32_t size, const field *f) {
  if (offset == ANY_OFFSET || size == ANY_SIZE || f->size == ANY_SIZE)
    return true;
  return f->offset < (int64_t)offset + size &&
         offset < (int64_t)f->offset + f->size;
}

/* The filter of the copy from a field into a load of this kind. */
static int32_t load_filter(uint8_t kind) {
  return kind == LOAD_NUMBER ? DELTA_DROP_NUM : kind == LOAD_POINTER ? DELTA_NUM_EXT : 0;
}

/* The node that every field of o copies into: a load of unknown offset or
 * size reads them all through it, one edge per field and one per load
 * instead of one per pair. */
static node_id all_fields_node(graph *g, object_id o) {
  if (g->objects[o].all_fields != NO_ID)
    return g->objects[o].all_fields;
  node_id all = graph_new_node(g, NULL);
  g->objects[o].all_fields = all;
  for (uint32_t i = 0; i < g->objects[o].nfields; i++)
    graph_add_copy(g, g->objects[o].fields[i].node, all);
  return all;
}

static bool reads_all(int32_t offset, uint32_t size) {
  return offset == ANY_OFFSET || size == ANY_SIZE;
}

static void load_from(graph *g, cell_id c, const mem_access *load) {
  cell at = g->cells[c];
  if (g->objects[at.object].kind == OBJ_PARAM) {
    object_id read = graph_param_content(g, g->objects[at.object].param,
                                         at.offset, load->size);
    if (load->kind == LOAD_POINTER)
      g->objects[read].pointer_read = true;
    /* offset 0: the value as loaded, so that returning it plus k is exact */
    solve_add_cell(g, load->node, graph_cell(g, read, 0));
  }
  object *obj = &g->objects[at.object];
  int32_t filter = load_filter(load->kind);
  node_id content = obj->content, preset = obj->preset;
  graph_add_filtered_copy(g, content, load->node, filter);
  graph_add_filtered_copy(g, preset, load->node, filter);
  if (reads_all(at.offset, load->size)) {
    graph_add_filtered_copy(g, all_fields_node(g, at.object), load->node, filter);
    return;
  }
  obj = &g->objects[at.object];
  ARENA_GROW(&g->arena, obj->readers, obj->nreaders, obj->capreaders);
  obj->readers[obj->nreaders++] =
      (mem_access){load->node, at.offset, load->size, load->kind};
  g->work += obj->nfields;
  for (uint32_t i = 0; i < g->objects[at.object].nfields; i++) {
    field f = g->objects[at.object].fields[i];
    if (overlaps(at.offset, load->size, &f))
      graph_add_filtered_copy(g, f.node, load->node, filter);
  }
}

/* The node of o's field (offset, size), made on first use; the loads that
 * overlap it start reading it. */
static node_id field_node(graph *g, object_id o, int32_t offset, uint32_t size) {
  if (offset == ANY_OFFSET || size == ANY_SIZE)
    return g->objects[o].content;
  object *obj = &g->objects[o];
  g->work += obj->nfields;
  for (uint32_t i = 0; i < obj->nfields; i++)
    if (obj->fields[i].offset == offset && obj->fields[i].size == size)
      return obj->fields[i].node;
  node_id n = graph_new_node(g, NULL);
  g->nodes[n].owner = o;
  obj = &g->objects[o];
  ARENA_GROW(&g->arena, obj->fields, obj->nfields, obj->capfields);
  field f = {offset, size, n, 0};
  obj->fields[obj->nfields++] = f;
  g->work += obj->nreaders;
  if (obj->all_fields != NO_ID)
    graph_add_copy(g, n, obj->all_fields);
  for (uint32_t i = 0; i < g->objects[o].nreaders; i++) {
    mem_access r = g->objects[o].readers[i];
    if (overlaps(r.offset, r.size, &f))
      graph_add_filtered_copy(g, n, r.node, load_filter(r.kind));
  }
  if (obj->escaped) /* what outside code may have written there */
    solve_add_cell(g, n, EXT_CELL);
  return n;
}

static void store_into(graph *g, cell_id c, const mem_access *store) {
  cell at = g->cells[c];
  node_id f = field_node(g, at.object, at.offset, store->size);
  if (store->kind) /* bytes written as a number */
    solve_add_cell(g, f, NUM_CELL);
  graph_add_copy(g, store->node, f);
}

/* Propagates one cell that just arrived at node n. Edge lists may grow
 * while we walk them (a load from n's own field); index them afresh each
 * time. An edge added meanwhile already carried c when it was added. */
static void propagate(graph *g, node_id n, cell_id c) {
  const node *nd = &g->nodes[n];
  g->work += 1 + nd->nedges + nd->nloads + nd->nstores + nd->sinks.len;
  for (uint32_t i = 0; i < g->nodes[n].nedges; i++) {
    edge e = g->nodes[n].edges[i];
    solve_add_cell(g, e.dst, solve_shift(g, c, e.delta));
  }
  for (uint32_t i = 0; i < g->nodes[n].nloads; i++) {
    mem_access load = g->nodes[n].loads[i];
    load_from(g, c, &load);
  }
  for (uint32_t i = 0; i < g->nodes[n].nstores; i++) {
    mem_access store = g->nodes[n].stores[i];
    store_into(g, c, &store);
  }
  for (uint32_t i = 0; i < g->nodes[n].sinks.len; i++)
    apply_sink(g, &g->sinks[g->nodes[n].sinks.data[i]], c, n);
  if (g->nodes[n].owner != NO_ID)
    arrive_in_field(g, g->nodes[n].owner, c, n);
}

/* The one object that every cell of node n lies in; NO_ID if n points to
 * nothing or to more than one object. */
static object_id sole_object(const graph *g, node_id n) {
  if (n == NO_ID)
    return NO_ID;
  object_id only = NO_ID;
  const objset *pts = &g->nodes[n].pts;
  for (uint32_t i = 0; i < objset_slots(pts); i++) {
    cell_id c = objset_at(pts, i);
    if (c == OBJSET_EMPTY)
      continue;
    if (only != NO_ID && g->cells[c].object != only)
      return NO_ID;
    only = g->cells[c].object;
  }
  return only;
}

/* Does object o stand for one object of the running program (per frame or
 * per iteration), so that two pointers into it are a pointer and an offset?
 * Not what the caller's memory holds (*p, **p): one placeholder for every
 * object the caller keeps there, which two loads may find different
 * (t->s[i] - t->s[j] is the distance between two of the caller's mallocs). */
static bool is_one_object(const graph *g, object_id o) {
  object_kind kind = g->objects[o].kind;
  return kind == OBJ_SITE || kind == OBJ_ALLOCA || kind == OBJ_PARAM;
}

/* p - q is an offset, carrying no pointer, when both point into one and the
 * same object, as C requires; q + (p - q) then stays in q's object, which
 * q's cells cover. Otherwise (two objects, a placeholder for several, or q
 * null) the difference may rebuild p from q's address, and both operands
 * flow into it. Checked at the fixed point; a difference only ever turns
 * from offset to flowing, so the rounds end. Returns true if one turned. */
static bool settle_differences(graph *g) {
  bool turned = false;
  for (uint32_t i = 0; i < g->ndifferences; i++) {
    difference *d = &g->differences[i];
    object_id o = sole_object(g, d->minuend);
    if (d->flows ||
        (o != NO_ID && is_one_object(g, o) && o == sole_object(g, d->subtrahend)))
      continue;
    d->flows = turned = true;
    graph_add_edge(g, d->minuend, d->result, DELTA_ANY);
    graph_add_edge(g, d->subtrahend, d->result, DELTA_ANY);
  }
  return turned;
}

/* --- shifting cycles ------------------------------------------------------
 * A cycle of edges whose shifts add up to k != 0 (a pointer advanced and
 * stored back: b->last = b->last + n) sends each cell around once per trip,
 * one new offset each time: thousands of cells per object, and with them
 * fields, readers and the objects loaded from them, before MAX_FIELD_OFFSET
 * stops it. The answer of field-sensitive inclusion analyses: find the
 * strongly connected components of the edges, and let every shifting edge
 * inside one forget the offset. Its cells then arrive at offset "any", which
 * stands for all offsets of the object: sound, and a fixed point after one
 * trip. Edges join the graph while solving (loads meet stores through
 * fields), so the search runs when some object's cells double. */

static bool is_shift(int32_t delta) {
  return delta != 0 && delta != DELTA_ANY && delta != DELTA_DROP_NUM &&
         delta != DELTA_NUM_EXT;
}

static uint32_t node_degree(const void *g, uint32_t v) {
  return ((const graph *)g)->nodes[v].nedges;
}

static uint32_t node_successor(const void *g, uint32_t v, uint32_t i) {
  return ((const graph *)g)->nodes[v].edges[i].dst;
}

typedef struct component_ids {
  uint32_t *of; /* per node */
  uint32_t next;
} component_ids;

static void number_component(void *ctx, const uint32_t *members, uint32_t n) {
  component_ids *ids = ctx;
  for (uint32_t i = 0; i < n; i++)
    ids->of[members[i]] = ids->next;
  ids->next++;
}

/* Every shifting edge inside a strongly connected component forgets the
 * offset; what already crossed it crosses again at offset "any". */
static void collapse_shifting_cycles(graph *g) {
  uint32_t n = g->nnodes;
  g->work += n;
  component_ids ids = {escape_xcalloc(n ? n : 1, sizeof *ids.of), 0};
  scc_graph edges = {n, g, node_degree, node_successor};
  scc_components(&edges, number_component, &ids);
  for (node_id v = 0; v < n; v++)
    for (uint32_t i = 0; i < g->nodes[v].nedges; i++) {
      edge *e = &g->nodes[v].edges[i];
      if (!is_shift(e->delta) || ids.of[v] != ids.of[e->dst])
        continue;
      e->delta = DELTA_ANY;
      node_id dst = e->dst;
      for (uint32_t j = 0; j < objset_slots(&g->nodes[v].pts); j++) {
        cell_id c = objset_at(&g->nodes[v].pts, j);
        if (c != OBJSET_EMPTY)
          solve_add_cell(g, dst, solve_shift(g, c, DELTA_ANY));
      }
    }
  free(ids.of);
}

/* Propagates until nothing is pending, or until the work exceeds the
 * function's budget: then the graph is short of its fixed point, and every
 * verdict it would give is withheld (over_budget). Counting steps, not time,
 * keeps the outcome the same on every machine. */
static void drain(graph *g) {
  u32vec spare = {0};
  while (g->worklist.len) {
    if (g->work > g->max_work) {
      g->over_budget = true;
      g->worklist.len = 0;
      break;
    }
    node_id n = g->worklist.data[--g->worklist.len];
    g->nodes[n].queued = false;
    /* take the pending list; arrivals during propagation start a new one */
    u32vec taken = g->nodes[n].pending;
    g->nodes[n].pending = spare;
    for (uint32_t i = 0; i < taken.len; i++)
      propagate(g, n, taken.data[i]);
    if (g->cycles_due) {
      g->cycles_due = false;
      collapse_shifting_cycles(g);
    }
    taken.len = 0;
    spare = taken; /* arena memory, like every pending list */
  }
}

void solve_run(graph *g) {
  do
    drain(g);
  while (!g->over_budget && settle_differences(g));
}
