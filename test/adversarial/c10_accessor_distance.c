// RUN: %adversarial %s
/* class 10: a container accessor returns the element at a run-time index (a "level=1, any field" result); a distance helper calls it twice and subtracts the results as integers; at the helper both calls map to the one "content of the parameter" object, so the difference is taken for an offset inside one object and carries nothing, the descriptor stores header + relative offset, and the payload's malloc is moved; pattern: element accessors + relative offsets in descriptors (arena layouts, relative-pointer serialization, message framing) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif

struct vec { size_t len; void *items[8]; };

static void *vec_at(const struct vec *v, size_t i) { return v->items[i]; }

/* byte distance from element b to element a */
static long vec_distance(const struct vec *v, size_t a, size_t b) {
  return (long)((uintptr_t)vec_at(v, a) - (uintptr_t)vec_at(v, b));
}

/* a message descriptor: the header pointer and where the payload lies relative to it */
struct desc { const char *hdr; long payload_off; size_t payload_len; };
static struct desc outbox[4];

static void frame_message(int slot, const char *text) {
  struct vec parts = { 0 };
  char *hdr = ALLOC(32), *payload = ALLOC(64);
  size_t n = strlen(text);
  snprintf(hdr, 32, "MSG %d len=%zu", slot, n);
  memcpy(payload, text, n + 1);
  parts.items[0] = hdr;
  parts.items[1] = payload;
  parts.len = 2;
  outbox[slot].hdr = hdr;
  outbox[slot].payload_off = vec_distance(&parts, 1, 0);
  outbox[slot].payload_len = n;
}

static unsigned long scribble(int k) {   /* unrelated work that reuses the stack */
  char buf[512];
  for (int i = 0; i < (int)sizeof buf; i++) buf[i] = (char)('a' + (i * k) % 26);
  unsigned long h = 5381;
  for (int i = 0; i < (int)sizeof buf; i++) h = h * 33 + (unsigned char)buf[i];
  return h;
}

int main(void) {
  frame_message(0, "hello, relative world");
  frame_message(1, "second payload");
  printf("scribble %lu\n", scribble(3) % 1000);
  for (int s = 0; s < 2; s++) {
    const char *payload = (const char *)((uintptr_t)outbox[s].hdr + outbox[s].payload_off);
    char line[80];
    memcpy(line, payload, outbox[s].payload_len);
    line[outbox[s].payload_len] = 0;
    printf("%s: %s\n", outbox[s].hdr, line);
  }
  return 0;
}
