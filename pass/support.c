/* support.c — containers for the analysis (see include/escape/support.h). */
#include "escape/support.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *escape_xrealloc(void *ptr, size_t bytes) {
  void *p = realloc(ptr, bytes ? bytes : 1);
  if (!p) {
    fprintf(stderr, "escape: out of memory allocating %zu bytes\n", bytes);
    abort();
  }
  return p;
}

void *escape_xcalloc(size_t count, size_t size) {
  void *p = calloc(count ? count : 1, size ? size : 1);
  if (!p) {
    fprintf(stderr, "escape: out of memory allocating %zu x %zu bytes\n",
            count, size);
    abort();
  }
  return p;
}

enum { ARENA_BLOCK_BYTES = 64 * 1024, ARENA_ALIGN = 16 };

struct arena_block {
  arena_block *prev;
  _Alignas(ARENA_ALIGN) char bytes[];
};

static size_t round_up(size_t bytes) {
  return (bytes + ARENA_ALIGN - 1) & ~(size_t)(ARENA_ALIGN - 1);
}

static void *arena_take(arena *a, size_t bytes) {
  bytes = round_up(bytes);
  if ((size_t)(a->end - a->next) < bytes) {
    size_t size = bytes > ARENA_BLOCK_BYTES ? bytes : ARENA_BLOCK_BYTES;
    arena_block *b = escape_xrealloc(NULL, sizeof(arena_block) + size);
    b->prev = a->blocks;
    a->blocks = b;
    a->next = b->bytes;
    a->end = b->bytes + size;
  }
  void *p = a->next;
  a->next += bytes;
  return p;
}

void *arena_grow(arena *a, void *old, size_t old_bytes, size_t new_bytes) {
  if (!a)
    return escape_xrealloc(old, new_bytes);
  char *tail = (char *)old + round_up(old_bytes);
  if (old && tail == a->next &&
      (size_t)(a->end - (char *)old) >= round_up(new_bytes)) {
    a->next = (char *)old + round_up(new_bytes);
    return old;
  }
  void *p = arena_take(a, new_bytes);
  if (old_bytes)
    memcpy(p, old, old_bytes);
  return p;
}

void arena_free(arena *a) {
  while (a->blocks) {
    arena_block *prev = a->blocks->prev;
    free(a->blocks);
    a->blocks = prev;
  }
  *a = (arena){0};
}

void u32vec_push_in(arena *a, u32vec *v, uint32_t x) {
  ARENA_GROW(a, v->data, v->len, v->cap);
  v->data[v->len++] = x;
}

void u32vec_free(u32vec *v) {
  free(v->data);
  *v = (u32vec){0};
}

static uint32_t hash_ptr(const void *p) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdULL;
  x ^= x >> 33;
  return (uint32_t)x;
}

static uint32_t hash_u32(uint32_t x) {
  x ^= x >> 16;
  x *= 0x7feb352dU;
  x ^= x >> 15;
  return x;
}

bool ptrmap_get(const ptrmap *m, const void *key, uint32_t *val) {
  if (!m->cap)
    return false;
  for (uint32_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->keys[i])
      return false;
    if (m->keys[i] == key) {
      *val = m->vals[i];
      return true;
    }
  }
}

static void ptrmap_rehash(ptrmap *m, uint32_t cap) {
  ptrmap bigger = {.cap = cap};
  bigger.keys = escape_xcalloc(bigger.cap, sizeof(*bigger.keys));
  bigger.vals = escape_xcalloc(bigger.cap, sizeof(*bigger.vals));
  for (uint32_t i = 0; i < m->cap; i++)
    if (m->keys[i])
      ptrmap_put(&bigger, m->keys[i], m->vals[i]);
  ptrmap_free(m);
  *m = bigger;
}

void ptrmap_reserve(ptrmap *m, uint32_t keys) {
  uint32_t cap = m->cap ? m->cap : 64;
  while (((uint64_t)keys + 1) * 2 > cap)
    cap *= 2;
  if (cap > m->cap)
    ptrmap_rehash(m, cap);
}

void ptrmap_put(ptrmap *m, const void *key, uint32_t val) {
  if ((m->len + 1) * 2 > m->cap)
    ptrmap_rehash(m, m->cap ? m->cap * 2 : 64);
  for (uint32_t i = hash_ptr(key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
    if (!m->keys[i]) {
      m->keys[i] = key;
      m->vals[i] = val;
      m->len++;
      return;
    }
    if (m->keys[i] == key) {
      m->vals[i] = val;
      return;
    }
  }
}

void ptrmap_free(ptrmap *m) {
  free(m->keys);
  free(m->vals);
  *m = (ptrmap){0};
}

enum { OBJSET_LINEAR_MAX = 16 };

static bool objset_hash_insert(uint32_t *slots, uint32_t cap, uint32_t obj) {
  for (uint32_t i = hash_u32(obj) & (cap - 1);; i = (i + 1) & (cap - 1)) {
    if (slots[i] == obj)
      return false;
    if (slots[i] == OBJSET_EMPTY) {
      slots[i] = obj;
      return true;
    }
  }
}

static void objset_rehash(arena *a, objset *s, uint32_t cap) {
  uint32_t *slots = arena_grow(a, NULL, 0, cap * sizeof(*slots));
  memset(slots, 0xff, cap * sizeof(*slots));
  for (uint32_t i = 0; i < objset_slots(s); i++)
    if (s->slots[i] != OBJSET_EMPTY)
      objset_hash_insert(slots, cap, s->slots[i]);
  s->slots = slots;
  s->cap = cap;
  s->hashed = true;
}

bool objset_has(const objset *s, uint32_t obj) {
  if (!s->hashed) {
    for (uint32_t i = 0; i < s->len; i++)
      if (s->slots[i] == obj)
        return true;
    return false;
  }
  for (uint32_t i = hash_u32(obj) & (s->cap - 1);; i = (i + 1) & (s->cap - 1)) {
    if (s->slots[i] == obj)
      return true;
    if (s->slots[i] == OBJSET_EMPTY)
      return false;
  }
}

bool objset_add(arena *a, objset *s, uint32_t obj) {
  if (!s->hashed) {
    if (objset_has(s, obj))
      return false;
    if (s->len < OBJSET_LINEAR_MAX) {
      ARENA_GROW(a, s->slots, s->len, s->cap);
      s->slots[s->len++] = obj;
      return true;
    }
    objset_rehash(a, s, 64);
  }
  if ((s->len + 1) * 2 > s->cap)
    objset_rehash(a, s, s->cap * 2);
  if (!objset_hash_insert(s->slots, s->cap, obj))
    return false;
  s->len++;
  return true;
}

void strbuf_printf(strbuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  va_list again;
  va_copy(again, ap);
  int need = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (need < 0) {
    va_end(again);
    return;
  }
  if (b->len + (size_t)need + 1 > b->cap) {
    b->cap = (b->len + (size_t)need + 1) * 2;
    b->data = escape_xrealloc(b->data, b->cap);
  }
  vsnprintf(b->data + b->len, (size_t)need + 1, fmt, again);
  va_end(again);
  b->len += (size_t)need;
}

void strbuf_free(strbuf *b) {
  free(b->data);
  *b = (strbuf){0};
}

uint32_t scc_u32vec_degree(const void *edges, uint32_t v) {
  return ((const u32vec *)edges)[v].len;
}

uint32_t scc_u32vec_successor(const void *edges, uint32_t v, uint32_t i) {
  return ((const u32vec *)edges)[v].data[i];
}

void scc_components(const scc_graph *g, scc_visit_fn visit, void *ctx) {
  uint32_t n = g->n, next = 0, sp = 0;
  uint32_t *index = escape_xcalloc(n ? n : 1, sizeof *index);
  uint32_t *low = escape_xcalloc(n ? n : 1, sizeof *low);
  uint32_t *stack = escape_xcalloc(n ? n : 1, sizeof *stack);
  uint32_t *frame = escape_xcalloc(n ? n : 1, sizeof *frame);
  uint32_t *at = escape_xcalloc(n ? n : 1, sizeof *at);
  bool *on = escape_xcalloc(n ? n : 1, sizeof *on);
  memset(index, 0xff, n * sizeof *index);
  for (uint32_t root = 0; root < n; root++) {
    if (index[root] != UINT32_MAX)
      continue;
    uint32_t depth = 0;
    frame[0] = root, at[0] = 0;
    index[root] = low[root] = next++;
    stack[sp++] = root, on[root] = true;
    for (;;) {
      uint32_t v = frame[depth];
      if (at[depth] < g->degree(g->data, v)) {
        uint32_t w = g->successor(g->data, v, at[depth]++);
        if (index[w] == UINT32_MAX) {
          index[w] = low[w] = next++;
          stack[sp++] = w, on[w] = true;
          frame[++depth] = w, at[depth] = 0;
        } else if (on[w] && index[w] < low[v]) {
          low[v] = index[w];
        }
        continue;
      }
      if (low[v] == index[v]) {
        uint32_t start = sp;
        do
          on[stack[--start]] = false;
        while (stack[start] != v);
        visit(ctx, &stack[start], sp - start);
        sp = start;
      }
      if (depth == 0)
        break;
      uint32_t parent = frame[--depth];
      if (low[v] < low[parent])
        low[parent] = low[v];
    }
  }
  free(index), free(low), free(stack), free(frame), free(at), free(on);
}
