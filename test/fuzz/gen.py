#!/usr/bin/env python3
"""Random C programs for differential testing of escape (deterministic by seed).

Each program is heavy in small allocations and in the ways a pointer travels:
objects linked to each other, local arrays and structs of pointers, loops that
keep or drop pointers across iterations, helpers that read, return, store or
free their parameter, conditional frees through a phi, globals, out-parameters,
function pointers, calloc / realloc / aligned_alloc / posix_memalign,
recursion, also through a table of function pointers. And the ways a pointer
hides: helpers returning pointers into their argument's fields (and back,
container_of), pointer bits in 32-bit halves, doubles and bytes, text
written with snprintf and read back with sscanf or strtoull, a pipe, and
addresses computed as integers. Allocation wrappers (xmalloc, xcalloc,
xstrdup, a constructor, xfree) and one that hands out a cached block, sizes
known only at run time (also bounded by a compare), and two sites freed
through one pointer. It prints a
checksum of everything it computed.

The generator keeps the program free of undefined behaviour by one invariant:
at run time every local object variable is NULL or the only local reference to
a live object. Frees null the variable, and links to an object are cut before
the object is freed or given away; every use is guarded by a NULL test.

  gen.py SEED > prog.c
"""
import random
import sys

HEADER = r"""#include <emmintrin.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct obj { long v; struct obj *next; long *data; long n; };
struct box { struct obj *a, *b; long tag; };

static unsigned long checksum;
static struct obj *slots[4];
static long *bits[2];
static void mix(long v) { checksum = checksum * 1000003u + (unsigned long)v; }

static __attribute__((noinline)) struct obj *make(long v) {
  struct obj *o = malloc(sizeof *o);
  o->v = v; o->next = NULL; o->data = NULL; o->n = 0;
  return o;
}
static void drop(struct obj *o) {
  if (!o) return;
  free(o->data);
  free(o);
}
static __attribute__((noinline)) void release(struct obj *o) { drop(o); }
static __attribute__((noinline)) long reader(const struct obj *o) { return o->v * 3 + o->n; }
static __attribute__((noinline)) long list_sum(const struct obj *o) {
  long s = 0; int k = 0;
  for (; o && k < 16; o = o->next, k++) s += o->v;
  return s;
}
static __attribute__((noinline)) struct obj *pass(struct obj *o) { return o; }
static __attribute__((noinline)) struct obj *next_of(struct obj *o) { return o->next; }
static __attribute__((noinline)) void put(struct obj **slot, struct obj *o) { *slot = o; }
static __attribute__((noinline)) void give(int k, struct obj *o) { drop(slots[k]); slots[k] = o; }
static __attribute__((noinline)) long sum_array(const long *a, long n) {
  long s = 0; for (long i = 0; i < n; i++) s += a[i] ^ i; return s;
}
static long twice(const struct obj *o) { return o->v * 2; }
static long negate(const struct obj *o) { return -o->v; }
static long (*const readers[2])(const struct obj *) = {twice, negate};
static __attribute__((noinline)) long depth_sum(int d) {
  struct obj *o = make(d);
  long r = o->v + (d > 0 ? depth_sum(d - 1) : 0);
  drop(o);
  return r;
}
static __attribute__((noinline)) long *field_v(struct obj *o) { return &o->v; }
static __attribute__((noinline)) struct obj **next_slot(struct obj *o) { return &o->next; }
static __attribute__((noinline)) struct obj *obj_of_n(long *n) {
  return (struct obj *)((char *)n - offsetof(struct obj, n));
}
static uint32_t halves[4][2];
static double boxed[4];
static struct obj *handles[4];
static int pipe_fd[2];
static void give_halves(int k, struct obj *o) {
  uintptr_t u = (uintptr_t)o;
  drop((struct obj *)(((uintptr_t)halves[k][1] << 32) | halves[k][0]));
  halves[k][0] = (uint32_t)u; halves[k][1] = (uint32_t)(u >> 32);
}
static void give_boxed(int k, struct obj *o) {
  drop((struct obj *)(uintptr_t)boxed[k]);
  boxed[k] = (double)(uintptr_t)o;
}
static void give_handle(int k, struct obj *o) {
  struct obj **at = (struct obj **)((uintptr_t)handles + (uintptr_t)k * sizeof *handles);
  drop(*at);
  *at = o;
}
static __attribute__((noinline)) long rec_step(int d);
static long (*const rec_ops[1])(int) = {rec_step};
static __attribute__((noinline)) long rec_eval(int d) {
  long *b = malloc(d & 1 ? 16 : 48);
  b[0] = d;
  long r = b[0] + (d > 0 ? rec_ops[0](d - 1) : 0);
  free(b);
  return r;
}
static __attribute__((noinline)) long rec_step(int d) { return rec_eval(d) * 3; }
static void *xmalloc(size_t n) {
  void *p = malloc(n);
  if (!p) abort();
  return p;
}
static void *xcalloc(size_t count, size_t size) {
  void *p = calloc(count, size);
  if (!p) abort();
  return p;
}
static void xfree(void *p) { free(p); }
static char *xstrdup(const char *s) {
  size_t n = strlen(s) + 1;
  return memcpy(xmalloc(n), s, n);
}
static struct obj *xmake(long v) {
  struct obj *o = xmalloc(sizeof *o);
  o->v = v; o->next = NULL; o->data = NULL; o->n = 0;
  return o;
}
static void *cached;
static void *cached_malloc(size_t n) {
  void *p = cached && n <= 64 ? cached : xmalloc(n > 64 ? n : 64);
  if (p == cached) cached = NULL;
  return p;
}
static void cached_free(void *p) {
  if (!cached) cached = p; else free(p);
}
static const char long_text[] = "a text of more than sixty-four bytes, which no small stack buffer can hold";
"""

NVARS = 4


class Gen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.out = []
        self.indent = 1

    def emit(self, line):
        self.out.append("  " * self.indent + line)

    def var(self):
        return f"v{self.r.randrange(NVARS)}"

    def other(self, v):
        w = self.var()
        return w if w != v else None

    def cut_links(self, v):
        # no local object may keep a pointer to v once v is freed or given away
        for i in range(NVARS):
            x = f"v{i}"
            if x != v:
                self.emit(f"if ({x} && {x}->next == {v}) {x}->next = NULL;")

    def free_var(self, v):
        self.cut_links(v)
        p = self.r.random()
        if p < 0.2:
            self.emit(f"drop({v}); {v} = NULL;")
        elif p < 0.35:
            self.emit(f"if ({v}) {{ xfree({v}->data); xfree({v}); }} {v} = NULL;")
        else:
            self.emit(f"if ({v}) {{ free({v}->data); free({v}); }} {v} = NULL;")

    def alloc(self, v):
        r = self.r
        self.free_var(v)
        k = r.randrange(8)
        val = r.randrange(1000)
        if k == 0:
            self.emit(f"{v} = malloc(sizeof *{v});")
            self.emit(f"{v}->v = {val}; {v}->next = NULL; {v}->data = NULL; {v}->n = 0;")
        elif k == 1:
            self.emit(f"{v} = calloc(1, sizeof *{v}); {v}->v = {val};")
        elif k == 2:
            self.emit(f"{v} = aligned_alloc(32, 64); memset({v}, 0, 64); {v}->v = {val};")
            # an aligned SSE load faults on a slot aligned to less than 16; unlike
            # (uintptr_t)v % 32, it puts no address bits into the output
            self.emit(f"mix(_mm_cvtsi128_si64(_mm_load_si128((const __m128i *){v})));")
        elif k == 3:
            self.emit(f"{{ void *m = NULL; if (posix_memalign(&m, 16, sizeof(struct obj)) == 0) "
                      f"{{ {v} = m; memset({v}, 0, sizeof *{v}); {v}->v = {val}; }} }}")
        elif k == 4:
            self.emit(f"{v} = make({val});")
        elif k == 5:
            self.emit(f"{v} = xmake({val});")
        elif k == 6:
            self.emit(f"{v} = xcalloc(1, sizeof *{v}); {v}->v = {val};")
        else:
            self.emit(f"{v} = pass(make({val}));")

    def stmt(self, depth=0):
        r = self.r
        v = self.var()
        k = r.randrange(32)
        if k < 4:
            self.alloc(v)
        elif k == 4:
            self.emit(f"if ({v}) {{ {v}->v += {r.randrange(100)}; mix({v}->v); }}")
        elif k == 5:
            self.emit(f"if ({v}) mix(reader({v}));")
        elif k == 6:
            w = self.other(v)
            if w:
                self.emit(f"if ({v} && {w} && !{w}->next) {{ {v}->next = {w}; mix(list_sum({v})); }}")
        elif k == 7:
            self.emit(f"if ({v}) mix(list_sum({v}));")
        elif k == 8:
            self.cut_links(v)
            self.emit(f"if ({v}) {{ give({r.randrange(4)}, {v}); {v} = NULL; }}")
        elif k == 9:
            self.cut_links(v)
            self.emit(f"if ({v}) {{ release({v}); {v} = NULL; }}")
        elif k == 10:
            w = self.other(v)
            if w:
                self.cut_links(v)
                self.cut_links(w)
                self.emit(f"if ({v} && {w}) {{ struct obj *t = (checksum & 1) ? {v} : {w}; "
                          f"if (t == {v}) {v} = NULL; else {w} = NULL; drop(t); }}")
        elif k == 11:
            n = r.choice([2, 4, 8, 16])
            self.emit(f"if ({v} && !{v}->data) {{ {v}->data = malloc({n} * sizeof(long)); {v}->n = {n};"
                      f" for (long i = 0; i < {n}; i++) {v}->data[i] = i * {v}->v; }}")
        elif k == 12:
            self.emit(f"if ({v} && {v}->data) {{ long *d = realloc({v}->data, ({v}->n + 4) * sizeof(long));"
                      f" if (d) {{ for (long i = {v}->n; i < {v}->n + 4; i++) d[i] = i; {v}->data = d; {v}->n += 4; }} }}")
        elif k == 13:
            self.emit(f"if ({v} && {v}->data) {{ long *e = {v}->data + {v}->n; "
                      f"mix(sum_array({v}->data, e - {v}->data)); }}")
        elif k == 14:
            n = r.choice([1, 3, 8])
            keep = r.random() < 0.4
            self.emit(f"{{ struct obj *prev = NULL; for (int i = 0; i < {n}; i++) {{")
            self.indent += 1
            self.emit("struct obj *t = malloc(sizeof *t);")
            self.emit("t->v = i + (long)checksum % 7; t->next = NULL; t->data = NULL; t->n = 0;")
            self.emit("mix(reader(t));")
            if keep:
                self.emit("if (prev) { t->next = prev; mix(list_sum(t)); t->next = NULL; free(prev); }")
                self.emit("prev = t;")
            else:
                self.emit("free(t);")
            self.indent -= 1
            self.emit("} free(prev); }")
        elif k == 15:
            self.emit(f"{{ struct box bx = {{NULL, NULL, {r.randrange(9)}}}; put(&bx.a, {v});"
                      f" if (bx.a) mix(bx.a->v + bx.tag); }}")
        elif k == 16:
            self.emit(f"{{ struct obj *arr[3] = {{NULL, NULL, NULL}}; arr[{r.randrange(3)}] = {v};"
                      f" for (int i = 0; i < 3; i++) if (arr[i]) mix(readers[i & 1](arr[i])); }}")
        elif k == 17:
            self.emit(f"mix(depth_sum({r.randrange(12)}));" if r.random() < 0.5 else
                      f"mix(rec_eval({r.randrange(12)}));")
        elif k == 18:
            b = r.randrange(2)
            self.emit(f"{{ long *c = calloc(8, sizeof *c); for (int i = 0; i < 8; i++) c[i] += i * (long)(checksum & 15);"
                      f" mix(sum_array(c, 8)); if ((checksum & 3) == 0) {{ free(bits[{b}]); bits[{b}] = c; }} else free(c); }}")
        elif k == 21:
            self.emit("{ char *b = malloc(32), *e = NULL; snprintf(b, 32, \"%lu x\", checksum % 1000);"
                      " mix(strtol(b, &e, 10) + (e - b)); free(b); }")
        elif k == 19:
            self.emit(f"if ({v} && {v}->next) mix(reader(next_of({v})));")
        elif k == 22:
            self.hidden(v)
        elif k >= 25:
            self.sized(k - 25)
        elif k == 23:
            self.interior(v)
        elif k == 20 and depth < 2:
            self.emit(f"if (checksum % 3 != 1) {{")
            self.indent += 1
            for _ in range(r.randrange(1, 4)):
                self.stmt(depth + 1)
            self.indent -= 1
            self.emit("}")
        else:
            w = self.other(v)
            if w:
                self.cut_links(w)
                self.emit(f"if (!{w}) {{ {w} = {v}; {v} = NULL; }}")  # move ownership

    def sized(self, k):
        """Sizes known at run time, through wrappers, from a cache, and two
        sites freed through one pointer."""
        r = self.r
        if k == 0:
            self.emit(f"{{ size_t n = {r.randrange(1, 16)} + checksum % {r.choice([40, 120])};"
                      f" char *b = {r.choice(['malloc(n)', 'xmalloc(n)'])}; memset(b, (int)(n & 0x7f), n);"
                      f" mix(b[n - 1] + (long)n); {r.choice(['free', 'xfree'])}(b); }}")
        elif k == 1:
            self.emit(f"{{ size_t n = 1 + checksum % {r.choice([6, 30])};"
                      f" long *c = {r.choice(['calloc', 'xcalloc'])}(n, sizeof *c);"
                      f" c[n - 1] += (long)n; mix(sum_array(c, (long)n)); free(c); }}")
        elif k == 2:
            self.emit("{ char *s = xstrdup(checksum & 1 ? \"short\" : long_text);"
                      " s[0] ^= 1; mix((long)strlen(s) + s[0]); xfree(s); }")
        elif k == 3:
            self.emit(f"{{ long *p = cached_malloc({r.choice([16, 32, 100])}); p[0] = (long)(checksum % 97);"
                      f" mix(p[0]); cached_free(p); }}")
        elif k == 4:
            self.emit("{ long *p = (checksum & 1) ? malloc(16) : malloc(32); p[0] = (long)(checksum % 89);"
                      " mix(p[0]); free(p); }")
        elif k == 5:
            bound = r.choice([8, 100, 256])
            self.emit(f"{{ size_t n = (size_t)(checksum % {bound * 2}); if (n <= {bound}) {{"
                      f" unsigned char *b = malloc(n); memset(b, (int)(n & 0x7f), n);"
                      f" mix(n ? b[n - 1] + (long)n : 0); free(b); }} }}")
        elif k == 6:
            bound = r.choice([16, 200])
            self.emit(f"{{ unsigned k = (unsigned)(checksum % {bound + 50}); if (k >= {bound}) mix(1); else {{"
                      f" unsigned char *b = malloc(k); for (unsigned i = 0; i < k; i++) b[i] = (unsigned char)(i * 7);"
                      f" mix(k ? b[k - 1] + (long)k : 0); free(b); }} }}")

    def hidden(self, v):
        """The pointer hides and comes back: used here, or given away."""
        r = self.r
        k = r.randrange(9)
        if k == 0:
            self.emit(f"if ({v}) {{ uintptr_t u = (uintptr_t){v}; uint32_t lo = (uint32_t)u, hi = (uint32_t)(u >> 32);"
                      f" struct obj *q = (struct obj *)(((uintptr_t)hi << 32) | lo); mix(q->v + 1); }}")
        elif k == 1:
            self.emit(f"if ({v}) {{ double d = (double)(uintptr_t){v}; mix(((struct obj *)(uintptr_t)d)->v + 2); }}")
        elif k == 2:
            self.emit(f"if ({v}) {{ unsigned char b[sizeof {v}]; struct obj *q = NULL;"
                      f" for (unsigned i = 0; i < sizeof b; i++) b[i] = ((unsigned char *)&{v})[i];"
                      f" for (unsigned i = 0; i < sizeof b; i++) ((unsigned char *)&q)[i] = b[i]; mix(q->v + 3); }}")
        elif k == 3:
            self.emit(f"if ({v}) {{ char t[32]; void *q = NULL; snprintf(t, sizeof t, \"%p\", (void *){v});"
                      f" if (sscanf(t, \"%p\", &q) == 1) mix(((struct obj *)q)->v + 4); }}")
        elif k == 4:
            self.emit(f"if ({v}) {{ char t[32]; snprintf(t, sizeof t, \"%lx\", (unsigned long)(uintptr_t){v});"
                      f" mix(((struct obj *)(uintptr_t)strtoull(t, NULL, 16))->v + 5); }}")
        elif k == 5:
            self.emit(f"if ({v}) {{ struct obj *q = NULL; if (write(pipe_fd[1], &{v}, sizeof {v}) == sizeof {v} &&"
                      f" read(pipe_fd[0], &q, sizeof q) == sizeof q) mix(q->v + 6); }}")
        else:
            self.cut_links(v)
            give = ["give_halves", "give_boxed", "give_handle"][k - 6]
            self.emit(f"if ({v}) {{ {give}({r.randrange(4)}, {v}); {v} = NULL; }}")

    def interior(self, v):
        """Helpers that return pointers into their argument, and back."""
        r = self.r
        k = r.randrange(3)
        if k == 0:
            self.emit(f"if ({v}) {{ *field_v({v}) += {r.randrange(50)}; mix({v}->v); }}")
        elif k == 1:
            self.emit(f"if ({v}) mix(obj_of_n(&{v}->n)->v);")
        else:
            w = self.other(v)
            if w:
                self.emit(f"if ({v} && {w} && !{w}->next) {{ *next_slot({v}) = {w}; mix(list_sum({v})); }}")

    def function(self, index):
        self.out.append(f"static __attribute__((noinline)) void scenario{index}(void) {{")
        self.emit("struct obj " + ", ".join(f"*v{i} = NULL" for i in range(NVARS)) + ";")
        for _ in range(self.r.randrange(8, 24)):
            self.stmt()
        for i in range(NVARS):
            self.free_var(f"v{i}")
        self.out.append("}\n")


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    g = Gen(seed)
    nfun = g.r.randrange(3, 8)
    for i in range(nfun):
        g.function(i)
    rounds = g.r.randrange(2, 30)
    body = "\n".join(f"    scenario{i}();" for i in range(nfun))
    sys.stdout.write(f"// generated by test/fuzz/gen.py {seed}\n" + HEADER + "\n".join(g.out) + f"""
int main(void) {{
  if (pipe(pipe_fd) != 0)
    return 1;
  for (int round = 0; round < {rounds}; round++) {{
{body}
  }}
  for (int k = 0; k < 4; k++) {{
    drop(slots[k]); drop(handles[k]); drop((struct obj *)(uintptr_t)boxed[k]);
    drop((struct obj *)(((uintptr_t)halves[k][1] << 32) | halves[k][0]));
  }}
  free(bits[0]);
  free(bits[1]);
  free(cached);
  printf("%lu\\n", checksum);
  return 0;
}}
""")


if __name__ == "__main__":
    main()
