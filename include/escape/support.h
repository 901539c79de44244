/* support.h — the few containers the analysis needs: growable arrays, a
 * pointer-keyed hash map, the object set that points-to sets are made of,
 * and strongly connected components.
 * Owns no analysis knowledge. Everything here is per-invocation state: no
 * globals, so the plugin can run in parallel LTO backends. */
#ifndef ESCAPE_SUPPORT_H
#define ESCAPE_SUPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Aborts with a message naming what could not be allocated. */
void *escape_xrealloc(void *ptr, size_t bytes);
void *escape_xcalloc(size_t count, size_t size);

/* A region that hands out memory and frees it all at once. A function's
 * graph keeps its thousands of small arrays (edges, points-to sets, fields)
 * here, so that building and dropping a graph costs a few large allocations
 * instead of one malloc and one free per array. Growing the region's most
 * recent array extends it in place. */
typedef struct arena_block arena_block;
typedef struct arena {
  arena_block *blocks;
  char *next, *end;
} arena;

void *arena_grow(arena *a, void *old, size_t old_bytes, size_t new_bytes);
void arena_free(arena *a);

/* Grows array ptr (len used, cap allocated) by doubling when it is full,
 * in arena a or, with a NULL, on the heap. */
#define ARENA_GROW(a, ptr, len, cap)                                          \
  do {                                                                        \
    if ((len) == (cap)) {                                                     \
      uint32_t grown_ = (cap) ? (cap) * 2 : 4;                                \
      (ptr) = arena_grow((a), (ptr), (size_t)(cap) * sizeof(*(ptr)),          \
                         (size_t)grown_ * sizeof(*(ptr)));                    \
      (cap) = grown_;                                                         \
    }                                                                         \
  } while (0)

/* A growable array of uint32_t: node ids, object ids, site indices. */
typedef struct u32vec {
  uint32_t *data;
  uint32_t len, cap;
} u32vec;

void u32vec_push_in(arena *a, u32vec *v, uint32_t x); /* a: NULL for the heap */
static inline void u32vec_push(u32vec *v, uint32_t x) { u32vec_push_in(NULL, v, x); }
void u32vec_free(u32vec *v);

/* A heap array that grows by doubling: VEC_GROW(ptr, len, cap). */
#define VEC_GROW(ptr, len, cap) ARENA_GROW(NULL, ptr, len, cap)

/* Open-addressing map from a pointer (an LLVMValueRef) to a uint32_t. */
typedef struct ptrmap {
  const void **keys;
  uint32_t *vals;
  uint32_t len, cap; /* cap is a power of two or 0 */
} ptrmap;

bool ptrmap_get(const ptrmap *m, const void *key, uint32_t *val);
void ptrmap_put(ptrmap *m, const void *key, uint32_t val);
void ptrmap_reserve(ptrmap *m, uint32_t keys); /* room for this many keys */
void ptrmap_free(ptrmap *m);

/* A set of object ids. Small sets are a plain array; large ones switch to
 * open addressing so that adding stays O(1) when thousands of allocations
 * flow into one place. Iterate with objset_at(s, i) for i < objset_slots(s),
 * skipping OBJSET_EMPTY. Sets live in an arena (their graph's), which frees
 * them. */
#define OBJSET_EMPTY UINT32_MAX
typedef struct objset {
  uint32_t *slots;
  uint32_t len, cap;
  bool hashed;
} objset;

bool objset_add(arena *a, objset *s, uint32_t obj); /* true if it was new */
bool objset_has(const objset *s, uint32_t obj);
static inline uint32_t objset_slots(const objset *s) {
  return s->hashed ? s->cap : s->len;
}
static inline uint32_t objset_at(const objset *s, uint32_t i) {
  return s->slots[i];
}

/* Strongly connected components of a graph of n vertices, given by each
 * vertex's successors, found by Tarjan's algorithm with an explicit stack
 * of frames (deep graphs do not overflow the C stack). visit(ctx, members,
 * count) is called once per component, successors' components first. */
typedef struct scc_graph {
  uint32_t n;
  const void *data;
  uint32_t (*degree)(const void *data, uint32_t v);
  uint32_t (*successor)(const void *data, uint32_t v, uint32_t i);
} scc_graph;
typedef void (*scc_visit_fn)(void *ctx, const uint32_t *members, uint32_t count);
void scc_components(const scc_graph *g, scc_visit_fn visit, void *ctx);

/* For graphs kept as one u32vec of successors per vertex. */
uint32_t scc_u32vec_degree(const void *edges, uint32_t v);
uint32_t scc_u32vec_successor(const void *edges, uint32_t v, uint32_t i);

/* A growable, NUL-terminated string. */
typedef struct strbuf {
  char *data;
  size_t len, cap;
} strbuf;

void strbuf_printf(strbuf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void strbuf_free(strbuf *b);

#endif
