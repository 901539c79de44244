// RUN: %adversarial %s
/* class 15: bounds from compares: the same decoder with every copy moved to a bounded slot or buffer, each checked by ASan (red team round 10) */
/* Variant: nothing is interned, so the copies move to bounded slots; the
   run checks (under ASan) that every slot is big enough.
   A record decoder: field lengths come from the input; many checks on the
   same length; short fields are copied to temporaries, some fields are
   interned into a global table (they must stay on the heap). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *table[64];
static unsigned tlen[64];
static int nt;

__attribute__((noinline)) int clobber(int x) {
  volatile char big[8192];
  for (int i = 0; i < 8192; i++) big[i] = (char)(x * 7 + i);
  return big[x & 8191];
}

/* 1: many compares on one length; intern on a late path */
__attribute__((noinline)) unsigned field_many(const char *src, unsigned len, int kind) {
  unsigned cls = 0;
  if (len == 0) return 0;
  if (len < 2) cls += 1;
  if (len >= 4) cls += 2;
  if (len != 13) cls += 3;
  if (len > 16) cls += 4;
  if (len <= 20) cls += 5;
  if (len == 33) cls += 6;
  if (len >= 40) cls += 7;
  if (len < 48) cls += 8;
  if (len != 50) cls += 9;
  if (len > 60) cls += 10;
  if (len <= 70) cls += 11;
  if (len == 80) cls += 12;
  if (len >= 90) cls += 13;
  if (len < 100) cls += 14;
  if (len > 110) cls += 15;
  if (len != 120) cls += 16;
  if (len <= 130) cls += 17;
  if (len >= 140) cls += 18;
  if (len > 300) return cls;
  if (len < 150) cls += 19;
  if (len != 160) cls += 20;
#ifdef FORCE_STACK
  char sbuf[200];
  char *p = sbuf;
#else
  char *p = malloc(len);
  if (!p) return 0;
#endif
  memcpy(p, src, len);
  unsigned h = cls;
  for (unsigned i = 0; i < len; i++) h = h * 31 + (unsigned char)p[i];
  (void)kind;
#ifndef FORCE_STACK
  free(p);
#endif
  return h;
}

/* 2: switch on a narrow tag, bound on a false edge, several predecessors */
__attribute__((noinline)) unsigned field_tag(const char *src, unsigned char tag, unsigned short len) {
  unsigned h = tag;
  char *p;
  switch (tag) {
  case 1: if (len > 100) return 1; goto copy;
  case 2: if (len > 200) return 2; goto copy;
  case 3: if (len >= 250) return 3;
  copy:
    p = malloc(len);
    if (!p) return 0;
    memcpy(p, src, len);
    for (unsigned i = 0; i < len; i++) h = h * 33 + (unsigned char)p[i];
    free(p);
    return h;
  default:
    return 0;
  }
}

/* 3: signed length checked both ways, then a zero-extended copy */
__attribute__((noinline)) unsigned field_signed(const char *src, int len) {
  if (len < 0) return 0;
  if ((unsigned)len > 128u) return 1;
  unsigned char n8 = (unsigned char)len;
  char *p = malloc(n8);
  if (!p) return 0;
  memcpy(p, src, n8);
  unsigned h = 0;
  for (unsigned i = 0; i < n8; i++) h = h * 5 + (unsigned char)p[i];
  
  free(p);
  return h;
}

int main(void) {
  char src[512];
  for (int i = 0; i < 512; i++) src[i] = (char)('a' + i % 26);
  unsigned h = 0;
  for (unsigned len = 0; len < 320; len += 7) h += field_many(src + (len % 50), len, len % 4);
  h += field_many(src + 3, 211, 3);
  for (unsigned t = 0; t < 5; t++) for (unsigned l = 0; l < 260; l += 13) h += field_tag(src, (unsigned char)t, (unsigned short)l);
  h += field_tag(src + 5, 2, 199);
  for (int l = -3; l < 140; l += 11) h += field_signed(src, l);
  h += field_signed(src + 9, 127);
  clobber(3);
  printf("h=%u nt=%d\n", h, nt);
  for (int i = 0; i < nt; i++) printf("%u %.*s\n", tlen[i], (int)tlen[i], table[i]);
  return 0;
}
