// RUN: %adversarial %s
/* class 4: pointer spilled with fwrite to a tmpfile and reloaded with fread; pattern: checkpoint/undo journals that store in-memory record addresses */
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
#define NOINLINE __attribute__((noinline))
/* overwrite the dead stack below the caller's frame */
NOINLINE static void clobber(void) {
  volatile unsigned char junk[16384];
  for (size_t i = 0; i < sizeof junk; i++) junk[i] = 0xA5;
}
struct record { long id; char payload[32]; };
static FILE *g_journal;

NOINLINE static void journal_add(long id) {
  struct record *r = ALLOC(sizeof *r);
  r->id = id;
  snprintf(r->payload, sizeof r->payload, "payload of %ld", id);
  fwrite(&r, sizeof r, 1, g_journal);
}

int main(void) {
  g_journal = tmpfile();
  if (!g_journal) return 1;
  journal_add(100);
  journal_add(200);
  clobber();
  rewind(g_journal);
  struct record *r;
  while (fread(&r, sizeof r, 1, g_journal) == 1)
    printf("id=%ld %s\n", r->id, r->payload);
  fclose(g_journal);
  return 0;
}
