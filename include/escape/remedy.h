/* remedy.h — what would let an allocation that stays on the heap move to the
 * stack: one short sentence per refusal and per way of escaping, for the
 * -escape-m=2 text, the remarks (field Remedy) and SARIF's help. */
#ifndef ESCAPE_REMEDY_H
#define ESCAPE_REMEDY_H

#include "escape/graph.h"
#include "escape/module.h"

/* For a site that escapes, while its graph is there: how to keep it local. */
void remedy_for_escape(strbuf *b, const graph *g, const escape_cause *c);

/* For any other refusal; nothing for REFUSE_ESCAPES and for moved sites. */
void remedy_for_refusal(const escape_module *m, strbuf *b, const site *s);

#endif
