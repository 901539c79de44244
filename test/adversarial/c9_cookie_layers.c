// RUN: %adversarial %s
/* class 9: report writer that wraps its output in one fopencookie indent filter per nesting level; each filter's write callback moves a 4000-byte line buffer and fwrite()s to the layer below, so stdio recurses through the callback (fwrite -> layer_write -> fwrite ...) that the plugin's call graph does not see; 64 levels on a 256 KiB worker thread; pattern: layered FILE filters (indent/prefix/encoding streams). RT-FLAGS: -pthread */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <pthread.h>
#ifdef FORCE_STACK /* what a wrong move does: frame storage, no free */
#define ALLOC(n) ((void *)(union { char c_[(n)]; long double a_; }){ { 0 } }.c_)
#define FREE(p) ((void)(p))
#else
#define ALLOC(n) malloc(n)
#define FREE(p) free(p)
#endif
#ifndef THREAD_STACK
#define THREAD_STACK (256u << 10)
#endif
#ifndef DEPTH
#define DEPTH 64
#endif
static int run_on_thread(void *(*fn)(void *), void *arg) {
  pthread_attr_t a; pthread_t t;
  pthread_attr_init(&a);
  pthread_attr_setstacksize(&a, THREAD_STACK);
  pthread_attr_setguardsize(&a, 1u << 20);
  if (pthread_create(&t, &a, fn, arg)) return 1;
  pthread_join(t, NULL);
  pthread_attr_destroy(&a);
  return 0;
}

/* an output filter: indents every line by two spaces and passes it to the stream below */
struct indent { FILE *down; int at_bol; long bytes; };

static ssize_t indent_write(void *cookie, const char *buf, size_t n) {
  struct indent *in = cookie;
  char *line = ALLOC(4000);          /* scratch for the indented text */
  size_t done = 0;
  while (done < n) {
    size_t m = 0;
    while (done < n && m < 3990) {
      if (in->at_bol) { line[m++] = ' '; line[m++] = ' '; in->at_bol = 0; }
      char c = buf[done++];
      line[m++] = c;
      if (c == '\n') in->at_bol = 1;
    }
    fwrite(line, 1, m, in->down);
    in->bytes += (long)m;
  }
  FREE(line);
  return (ssize_t)n;
}
static int indent_close(void *cookie) {
  struct indent *in = cookie;
  fflush(in->down);
  free(in);
  return 0;
}
static FILE *push_indent(FILE *down) {
  struct indent *in = malloc(sizeof *in);
  in->down = down; in->at_bol = 1; in->bytes = 0;
  cookie_io_functions_t io = { NULL, indent_write, NULL, indent_close };
  FILE *f = fopencookie(in, "w", io);
  setvbuf(f, NULL, _IONBF, 0);       /* line-oriented filters: no buffering */
  return f;
}

/* the final sink: hashes what arrives */
struct sink { unsigned long h; long n; };
static ssize_t sink_write(void *cookie, const char *buf, size_t n) {
  struct sink *s = cookie;
  for (size_t i = 0; i < n; i++) s->h = (s->h ^ (unsigned char)buf[i]) * 1099511628211ul;
  s->n += (long)n;
  return (ssize_t)n;
}

/* a nested document: section k contains a paragraph and section k+1 */
static void print_section(FILE *out, int k, int depth) {
  fprintf(out, "section %d {\n", k);
  fprintf(out, "title: part %d of %d\n", k, depth);
  if (k + 1 < depth) {
    FILE *sub = push_indent(out);
    print_section(sub, k + 1, depth);
    fclose(sub);
  }
  fprintf(out, "}\n");
}

static void *job(void *arg) {
  struct sink s = { 1469598103934665603ul, 0 };
  cookie_io_functions_t io = { NULL, sink_write, NULL, NULL };
  FILE *out = fopencookie(&s, "w", io);
  setvbuf(out, NULL, _IONBF, 0);
  print_section(out, 0, *(int *)arg);
  fclose(out);
  printf("report: %ld bytes, digest %016lx\n", s.n, s.h);
  return NULL;
}

int main(void) {
  int depth = DEPTH;
  return run_on_thread(job, &depth);
}
