// Run-time microbenchmarks for escape. The same source builds three ways:
//   heap:   clang -O2                      (malloc and free)
//   plugin: clang -O2 -fpass-plugin=...    (what escape makes of it)
//   stack:  clang -O2 -DHAND_STACK         (written with locals: the limit)
// Each benchmark prints its name and ns/op, the fastest of 5 repetitions
// (noise only ever adds time). `micro N B` runs benchmark B alone.
// The C analogues of the Go seeds' benchmarks come first.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifdef HAND_STACK
#define NEW(T, name) T name##_storage, *name = &name##_storage
#define NEW_ARRAY(T, n, name) T name##_storage[n], *name = name##_storage
#define NEW_ZEROED(T, n, name) T name##_storage[n] = {0}, *name = name##_storage
#define DELETE(name) ((void)0)
#else
#define NEW(T, name) T *name = malloc(sizeof(T))
#define NEW_ARRAY(T, n, name) T *name = malloc((n) * sizeof(T))
#define NEW_ZEROED(T, n, name) T *name = calloc((n), sizeof(T))
#define DELETE(name) free(name)
#endif

// A size known only at run time: by hand, the small-buffer idiom that
// escape's -escape-small-buffer writes (a 64-byte buffer when it fits).
#ifdef HAND_STACK
#define NEW_SIZED(T, bytes, name)                                              \
  T name##_buffer[64 / sizeof(T)], *name = (bytes) <= 64 ? name##_buffer : malloc(bytes)
#define DELETE_SIZED(name) (name != name##_buffer ? free(name) : (void)0)
#else
#define NEW_SIZED(T, bytes, name) T *name = malloc(bytes)
#define DELETE_SIZED(name) free(name)
#endif

// Allocation wrappers as C code bases write them; by hand, locals instead.
static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p)
    abort();
  return p;
}
static void xfree(void *p) { free(p); }
static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}

#define NOINLINE __attribute__((noinline))
static volatile long sink;

// stackIt3: a pointer passed down the stack (Go: "y does not escape").
static NOINLINE long read_int(const int *y) { return *y * 2; }
static NOINLINE long stack_it3(long i) {
  NEW(int, y);
  *y = (int)i;
  long r = read_int(y);
  DELETE(y);
  return r;
}

// stackIt2: a pointer passed up the stack (Go: "moved to heap: res"). It
// escapes; no build can keep it on the stack, the hand version included
// (it returns the value instead, which is what the Go article recommends).
#ifdef HAND_STACK
static NOINLINE long stack_it2_value(long i) { return i * 2; }
#else
static NOINLINE int *stack_it2_ptr(long i) {
  int *res = malloc(sizeof *res);
  *res = (int)(i * 2);
  return res;
}
#endif
static NOINLINE long stack_it2(long i) {
#ifdef HAND_STACK
  return stack_it2_value(i);
#else
  int *p = stack_it2_ptr(i);
  long r = *p;
  free(p);
  return r;
#endif
}

// CreatePointer with the 9-field BigStruct, used by the caller.
struct big { long a, b, c; const char *d, *e, *f; _Bool g, h, i; };
static NOINLINE long consume_big(const struct big *s) {
  return s->a + s->b + s->c + (long)strlen(s->d) + s->g + s->h + s->i;
}
static NOINLINE long create_pointer(long i) {
  NEW(struct big, s);
  s->a = i; s->b = 456; s->c = 789;
  s->d = "ABC"; s->e = "DEF"; s->f = "HIJ";
  s->g = s->h = s->i = 1;
  long r = consume_big(s);
  DELETE(s);
  return r;
}

// BenchmarkInt2: a pointer to a loop variable that does not escape.
typedef int *int_ptr;
static NOINLINE long sum_ptrs(const int_ptr *v, int n) {
  long s = 0;
  for (int k = 0; k < n; k++)
    s += *v[k];
  return s;
}
static NOINLINE long int_ptrs(long i) {
  NEW_ARRAY(int, 8, vals);
  NEW_ARRAY(int_ptr, 8, ptrs);
  for (int k = 0; k < 8; k++) {
    vals[k] = (int)(i + k);
    ptrs[k] = &vals[k];
  }
  long r = sum_ptrs(ptrs, 8);
  DELETE(ptrs);
  DELETE(vals);
  return r;
}

// A scratch buffer per call, written by snprintf.
static NOINLINE long scratch(long i) {
  NEW_ARRAY(char, 64, buf);
  snprintf(buf, 64, "item-%ld", i & 1023);
  long r = (long)strlen(buf);
  DELETE(buf);
  return r;
}

// Two small linked nodes per call, walked by a reader.
struct node { long v; struct node *next; };
static NOINLINE long walk(const struct node *n) {
  long s = 0;
  for (; n; n = n->next)
    s += n->v;
  return s;
}
static NOINLINE long two_nodes(long i) {
  NEW(struct node, a);
  NEW(struct node, b);
  a->v = i; a->next = b;
  b->v = 2; b->next = NULL;
  long r = walk(a);
  DELETE(b);
  DELETE(a);
  return r;
}

// A temporary array handed to a reader.
static NOINLINE long sum_array(const long *v, int n) {
  long s = 0;
  for (int k = 0; k < n; k++)
    s += v[k];
  return s;
}
static NOINLINE long temp_array(long i) {
  NEW_ARRAY(long, 16, v);
  for (int k = 0; k < 16; k++)
    v[k] = i ^ k;
  long r = sum_array(v, 16);
  DELETE(v);
  return r;
}

// A calloc'd counting table over a line of text.
static NOINLINE long counter_table(long i) {
  static const char text[] =
      "It was the best of times, it was the worst of times, it was the age of "
      "wisdom, it was the age of foolishness, it was the epoch of belief, it "
      "was the epoch of incredulity, it was the season of Light, it was the";
  NEW_ZEROED(unsigned, 32, count);
  for (const char *c = text; *c; c++)
    count[(*c + i) & 31]++;
  long best = 0;
  for (int k = 0; k < 32; k++)
    best = count[k] > best ? count[k] : best;
  DELETE(count);
  return best;
}

// A small node in a loop: allocated, used and freed every iteration.
static NOINLINE long loop_node(long i) {
  long s = 0;
  for (int k = 0; k < 4; k++) {
    NEW(struct node, n);
    n->v = i + k;
    n->next = NULL;
    s += walk(n);
    DELETE(n);
  }
  return s;
}

// A copy of a string of run-time length (strlen + 1), mostly short.
static const char *const words[] = {"it", "was", "the best of", "times, it was the worst of times"};
static NOINLINE long sized_copy(long i) {
  const char *w = words[i & 3];
  size_t n = strlen(w) + 1;
  NEW_SIZED(char, n, copy);
  memcpy(copy, w, n);
  copy[0] ^= (char)i;
  long r = copy[0] + copy[n - 2];
  DELETE_SIZED(copy);
  return r;
}

// A node from xmalloc, freed with xfree.
static NOINLINE long wrapped_node(long i) {
#ifdef HAND_STACK
  struct node storage, *n = &storage;
#else
  struct node *n = xmalloc(sizeof *n);
#endif
  n->v = i;
  n->next = NULL;
  long r = walk(n);
#ifndef HAND_STACK
  xfree(n);
#endif
  return r;
}

// xstrdup of a word: a wrapper and a run-time size.
static NOINLINE long wrapped_copy(long i) {
  const char *w = words[i & 3];
#ifdef HAND_STACK
  size_t n = strlen(w) + 1;
  char buffer[64], *copy = n <= 64 ? memcpy(buffer, w, n) : xstrdup(w);
#else
  char *copy = xstrdup(w);
#endif
  copy[0] ^= (char)i;
  long r = copy[0] + (long)strlen(copy);
#ifdef HAND_STACK
  if (copy != buffer)
    free(copy);
#else
  xfree(copy);
#endif
  return r;
}

typedef long (*bench_fn)(long);
static const struct { const char *name; bench_fn fn; } benches[] = {
    {"stackIt3 (pointer down)", stack_it3},
    {"stackIt2 (pointer up)", stack_it2},
    {"CreatePointer BigStruct", create_pointer},
    {"BenchmarkInt2 (ptrs to locals)", int_ptrs},
    {"scratch snprintf buffer", scratch},
    {"two linked nodes", two_nodes},
    {"temp array to reader", temp_array},
    {"calloc counter table", counter_table},
    {"small node in a loop", loop_node},
    {"run-time size copy", sized_copy},
    {"xmalloc'd node, xfree", wrapped_node},
    {"xstrdup, xfree", wrapped_copy},
};

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e9 + t.tv_nsec;
}

int main(int argc, char **argv) {
  long iterations = argc > 1 ? atol(argv[1]) : 2000000;
  int only = argc > 2 ? atoi(argv[2]) : -1;
  for (size_t b = 0; b < sizeof benches / sizeof *benches; b++) {
    if (only >= 0 && (size_t)only != b)
      continue;
    double fastest = 0;
    for (int r = 0; r < 5; r++) {
      double t0 = now_ns();
      long acc = 0;
      for (long i = 0; i < iterations; i++)
        acc += benches[b].fn(i);
      sink = acc;
      double ns = (now_ns() - t0) / iterations;
      if (r == 0 || ns < fastest)
        fastest = ns;
    }
    printf("%s\t%.2f\n", benches[b].name, fastest);
  }
  return 0;
}
