/* summary.h — parameter summaries over the call graph (Go's leaks.go and the
 * bottom-up SCC walk of escape.go). Functions are visited callees first, one
 * strongly connected component at a time; inside a cycle the tags start at
 * "does not escape" and grow until they stop changing. */
#ifndef ESCAPE_SUMMARY_H
#define ESCAPE_SUMMARY_H

#include "escape/graph.h"
#include "escape/module.h"

/* Marks the module's available_externally definitions (C99 inline, GNU
 * extern inline: not the code that runs) with !escape.inexact, so that the
 * LTO link's run tells them from the copies ThinLTO imports. Only in the
 * compile's run. */
void summary_mark_inline_definitions(escape_module *m);
bool summary_is_marked_inexact(const escape_module *m, LLVMValueRef fn);

/* Is the body of fn, defined here, the code that runs? If not, why not
 * (what the report says of a call to it). */
typedef enum definition_kind {
  DEFINITION_EXACT,
  DEFINITION_INLINE,      /* C99 inline: the out-of-line one elsewhere runs */
  DEFINITION_WEAK,        /* weak, linkonce, ODR, common: the linker may pick another */
  DEFINITION_PREEMPTIBLE  /* not dso_local: the loader may bind another */
} definition_kind;
definition_kind summary_definition_kind(const escape_module *m, LLVMValueRef fn);

/* Creates a summary for every function of the module. */
void summary_init(escape_module *m);
void summary_free(escape_module *m);

/* Visits the SCCs of defined functions callees first. For each SCC, graphs
 * are built and solved until the tags are stable; then finish() is called on
 * each function's final graph. */
typedef void (*summary_finish_fn)(escape_module *m, graph *g);
void summary_run(escape_module *m, summary_finish_fn finish);

/* What the function does with parameter i, read off a solved graph. */
void summary_param_leak(const graph *g, unsigned i, param_leak *out);

#endif
