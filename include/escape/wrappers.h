/* wrappers.h — allocation wrappers (xmalloc, xcalloc, xstrdup) and release
 * wrappers (xfree), found and inlined where their memory may stay in the
 * caller's frame.
 *
 * Real C allocates through its own functions: malloc, a check for NULL, a
 * call to abort or die, sometimes a memset or a copy. Their sites escape
 * into their callers by being returned, so the analysis keeps them on the
 * heap. The driver therefore runs the analysis twice when the module has
 * such functions:
 *
 *   1. Seeking (escape_module.finding_wrappers). A function whose result
 *      can only be fresh memory from its own malloc-family sites (or from
 *      a wrapper it calls) is an allocator; a function that only frees its
 *      one parameter is a deallocator. Summaries are computed callees first,
 *      so a caller's graph sees each call to an allocator as an allocation
 *      site of its own and each call to a deallocator as a free. A call
 *      whose memory does not escape the caller and whose frees are all
 *      known is inlined, together with those frees, by LLVM's inliner.
 *   2. Deciding. The analysis runs again from scratch on the changed module
 *      and decides on the inlined malloc itself, whatever else the wrapper
 *      does (accounting, a global counter, malloc_usable_size): inlining
 *      preserves the program's meaning, so the first run needs only to be a
 *      good guess, never sound. What moves is what the second run proves.
 *
 * The inlined allocation keeps the wrapper's call for the report: its
 * position is the call's and !escape.wrapper holds the call's text
 * ("xmalloc(n)"). */
#ifndef ESCAPE_WRAPPERS_H
#define ESCAPE_WRAPPERS_H

#include "escape/graph.h"
#include "escape/module.h"

/* A wrapper is small: inlining it costs little. Instructions, its own. */
#define WRAPPER_MAX_INSTRUCTIONS 64u

/* Might the module have wrappers worth the seeking run? A look at the
 * shape of its small functions that are called; false spares the run. */
bool wrappers_possible(LLVMModuleRef module);

/* After fn's graph is solved while wrappers are sought: is fn an allocator
 * or a deallocator? Sets s->allocator, s->deallocator. */
void wrappers_classify(escape_module *m, const graph *g, fn_summary *s);

/* After the seeking run: inlines the calls to allocators that it found may
 * stay in their callers (and, within them, calls to further wrappers), and
 * their frees through deallocators. Returns true if anything was inlined. */
bool wrappers_inline(escape_module *m);

/* For an allocation inlined from a wrapper: the wrapper's call as the source
 * wrote it, and its length; NULL for any other call. */
const char *wrappers_call_text(const escape_module *m, LLVMValueRef call, unsigned *len);

#endif
