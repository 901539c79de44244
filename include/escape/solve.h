/* solve.h — the solver: propagates objects along the graph's edges until
 * nothing changes, and decides which objects escape and why (Go's solve.go:
 * walkAll/walkOne, here as a difference-propagation worklist, linear in the
 * number of edges times the objects that cross them). */
#ifndef ESCAPE_SOLVE_H
#define ESCAPE_SOLVE_H

#include "escape/graph.h"

/* Adds object o to node n's set; queues n if it is new. */
void solve_add_object(graph *g, node_id n, object_id o);

/* Marks o escaped with the given cause; what it holds escapes with it. */
void solve_escape(graph *g, object_id o, escape_cause cause);

/* Runs to a fixed point. */
void solve_run(graph *g);

#endif
