/* report.h — the verdicts in Go's words: -escape-m text on stderr,
 * print<escape> on stdout, and LLVM optimization remarks. Lines are
 * collected for the whole module and printed sorted by source position. */
#ifndef ESCAPE_REPORT_H
#define ESCAPE_REPORT_H

#include "escape/graph.h"
#include "escape/module.h"

/* Records the lines (and emits the remarks) for g's sites and parameters.
 * Must run before the rewrite deletes the calls. */
void report_function(escape_module *m, graph *g);

/* Prints the collected lines, sorted and deduplicated, and frees them. */
void report_flush(escape_module *m);

#endif
