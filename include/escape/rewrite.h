/* rewrite.h — turns the sites decided "move" into stack slots. */
#ifndef ESCAPE_REWRITE_H
#define ESCAPE_REWRITE_H

#include "escape/graph.h"
#include "escape/module.h"

/* Rewrites every moved site of g's function; returns true if it changed. */
bool rewrite_function(escape_module *m, graph *g);

#endif
