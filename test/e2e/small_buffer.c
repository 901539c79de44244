// Allocations of run-time size with a stack buffer: sizes below and above
// the buffer, calloc's zeroing and its overflow (NULL, as from the heap),
// a goto-out cleanup that frees NULL on one path, and a loop whose sizes
// alternate; the heap serves what does not fit. Run with ASan too (a free
// of the buffer, or a use of it after the function returned, would report).
// RUN: %e2e
// RUN: %moved | FileCheck %s
// RUN: %clang -O2 %s -o %t.count
// RUN: %clang-noplugin -O2 -shared -fPIC %S/../../bench/alloccount.c -o %t.so -ldl
// RUN: env LD_PRELOAD=%t.so %t.count 2>&1 | FileCheck %s --check-prefix=FEWER
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static __attribute__((noinline)) size_t joined(const char *a, const char *b) {
  size_t n = strlen(a) + strlen(b) + 1;
  // CHECK: small_buffer.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
  char *s = malloc(n);
  strcpy(s, a);
  strcat(s, b);
  size_t r = 0;
  for (char *c = s; *c; c++)
    r = r * 31 + (unsigned char)*c;
  free(s);
  return r;
}

static __attribute__((noinline)) long zeroed(size_t count) {
  // CHECK: small_buffer.c:[[@LINE+1]]:{{[0-9]+}}: calloc(count, 8) does not escape (stack buffer of 64 bytes when the size fits)
  long *v = calloc(count, sizeof *v);
  long t = 0;
  for (size_t i = 0; i < count; i++)
    t += v[i] + (long)i;
  free(v);
  return t;
}

static __attribute__((noinline)) int cleanup(int skip, size_t n) {
  char *buf = NULL;
  int r = 0;
  if (skip)
    goto out;
  // CHECK: small_buffer.c:[[@LINE+1]]:{{[0-9]+}}: malloc(n) does not escape (stack buffer of 64 bytes when the size fits)
  buf = malloc(n);
  memset(buf, 'a', n);
  r = buf[n - 1];
out:
  free(buf);
  return r;
}

int main(void) {
  char big[300];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = 0;
  unsigned long h = 0;
  for (int i = 0; i < 1000; i++) // fits, then not, by turns
    h += joined(i % 2 ? "ab" : big, "cd");
  printf("%lu %zu %zu\n", h, joined("", ""), joined(big, big));
  printf("%ld %ld\n", zeroed(3), zeroed(100));
  printf("%d %d %d\n", cleanup(1, 10), cleanup(0, 10), cleanup(0, 1000));
  return 0;
}
// One allocation per call that does not fit: 500 + 1 (joined) + 1 (zeroed),
// 1 (cleanup), and stdout's buffer; without the plugin 1005 (LLVM 22: it
// elides two) to 1007.
// FEWER: allocs 504
