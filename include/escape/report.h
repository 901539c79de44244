/* report.h — the verdicts in Go's words: -escape-m text on stderr,
 * print<escape> on stdout, and LLVM optimization remarks. Lines are
 * collected for the whole module and printed sorted by source position. */
#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include "escape/graph.h"
#include "escape/module.h"

/* While g is solved: records the lines of g's parameters, and for its sites
 * what only the graph can say (how one escapes, its -m=2 flow). */
void report_function(escape_module *m, graph *g);

/* Once every verdict is final: records the sites' lines and emits their
 * remarks. Must run before the rewrite deletes the calls. */
void report_sites(escape_module *m);

/* Appends a call as the source wrote it: name(arg, ...), each argument as a
 * variable, a member, a constant or a small expression of those, or "?". */
void report_describe_call(escape_module *m, strbuf *b, LLVMValueRef call,
                          const char *name);

/* Prints the collected lines, sorted and deduplicated, and frees them. */
void report_flush(escape_module *m);

#endif
