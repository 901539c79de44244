#!/usr/bin/env python3
"""Writes C functions of the shapes that made the solver explode on nginx
(issue 16), each with a scratch buffer that does not escape, so that the
verdict shows the analysis reached its fixed point:

  cursor   a write cursor advanced and stored back in a loop
           (*b->last++ = c; b->last = copy(b->last, s, n)): a cycle of edges
           whose shifts add up, one new offset per trip
  queue    a caller's structure with many pointer fields whose targets are
           linked into each other (q->next->prev = q->prev): every object
           read from it flows into every other
  inner    the same cursor inside the caller's own structure (l->cur =
           l->data): every offset it reaches is a field of *l read apart
  bytes    byte loads at many offsets of the caller's memory, merged into one
           pointer (a UTF-8 decoder walking a buffer)

--scale multiplies the statement count; the pass must stay linear in it.
"""
import argparse


def cursor(n, out):
    out.append("struct buf { unsigned char *pos, *last, *end; };")
    out.append("static unsigned char *copy(unsigned char *d, const char *s, unsigned long k) {")
    out.append("  for (unsigned long i = 0; i < k; i++) d[i] = (unsigned char)s[i];")
    out.append("  return d + k;")
    out.append("}")
    out.append("unsigned long cursor(struct buf *b, const char **keys, const unsigned long *lens, int count) {")
    out.append("  unsigned char *scratch = malloc(64);")
    out.append("  for (int i = 0; i < count; i++) {")
    for k in range(n):
        out.append(f"    *b->last++ = (unsigned char)(lens[i] >> {k % 8});")
        out.append(f"    b->last = copy(b->last, keys[i] + {k}, lens[i]);")
        out.append(f"    scratch[{k % 64}] = *(b->last - {k % 5 + 1});")
        out.append(f"    if (b->last >= b->end) b->last = b->pos + {k * 3};")
    out.append("  }")
    out.append("  unsigned long r = scratch[0] + scratch[63];")
    out.append("  free(scratch);")
    out.append("  return r;")
    out.append("}")


def inner(n, out):
    out.append("struct line { unsigned char *cur; unsigned char *mark; unsigned char data[4000]; };")
    out.append("long inner(struct line *l, const unsigned char *in, int count) {")
    out.append("  long *scratch = malloc(16 * sizeof *scratch);")
    out.append("  l->cur = l->data;")
    out.append("  for (int i = 0; i < count; i++) {")
    for k in range(n):
        out.append(f"    *l->cur++ = in[i + {k}];")
        out.append(f"    if (*l->cur == {k}) l->mark = l->cur;")
        out.append(f"    scratch[{k % 16}] += *l->mark;")
    out.append("  }")
    out.append("  long r = scratch[0] + scratch[15];")
    out.append("  free(scratch);")
    out.append("  return r;")
    out.append("}")


def queue(n, out):
    out.append("struct q { struct q *prev, *next; };")
    out.append(f"struct state {{ struct q *head[{n}]; struct q expire[{n}]; long count; }};")
    out.append("long queue(struct state *s, int which) {")
    out.append("  long *scratch = malloc(8 * sizeof *scratch);")
    out.append("  scratch[0] = 0;")
    for k in range(n):
        out.append(f"  {{ struct q *x = s->head[{k}], *h = &s->expire[{(k * 7) % n}];")
        out.append("    x->next->prev = x->prev; x->prev->next = x->next;")
        out.append("    x->next = h->next; x->next->prev = x; x->prev = h; h->next = x;")
        out.append(f"    if (which == {k}) scratch[0] += (long)(x->next != h); }}")
    out.append("  long r = scratch[0] + s->count;")
    out.append("  free(scratch);")
    out.append("  return r;")
    out.append("}")


def decode(n, out):
    out.append("unsigned long decode(unsigned char **pp, const unsigned char *end) {")
    out.append("  unsigned char *scratch = malloc(32);")
    out.append("  unsigned char *p = *pp;")
    out.append("  unsigned long u = 0;")
    for k in range(n):
        out.append(f"  if (p + {k % 4 + 1} <= end) {{ u = (u << 6) | (p[{k % 4}] & 0x3f);")
        out.append(f"    scratch[{k % 32}] = p[{k % 3}]; p += {k % 4 + 1}; }}")
    out.append("  *pp = p;")
    out.append("  u += scratch[0];")
    out.append("  free(scratch);")
    out.append("  return u;")
    out.append("}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scale", type=int, default=1)
    ap.add_argument("--only", choices=["cursor", "inner", "queue", "decode"])
    args = ap.parse_args()
    out = ["#include <stdlib.h>"]
    for shape, count in ((cursor, 12), (inner, 8), (queue, 24), (decode, 40)):
        if args.only in (None, shape.__name__):
            shape(count * args.scale, out)
    print("\n".join(out))


if __name__ == "__main__":
    main()
