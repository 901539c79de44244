/* solve.h — the solver: propagates objects along the graph's edges until
 * nothing changes, and decides which objects escape and why (Go's solve.go:
 * walkAll/walkOne, here as a difference-propagation worklist, linear in the
 * number of edges times the objects that cross them, with shifting cycles
 * collapsed and a budget of steps per instruction; see solve.c). */
#ifndef ESCAPE_SOLVE_H
#define ESCAPE_SOLVE_H

#include "escape/graph.h"

/* Adds cell c to node n's set; queues n if it is new. */
void solve_add_cell(graph *g, node_id n, cell_id c);

/* The cell c moved by delta bytes along an edge. */
cell_id solve_shift(graph *g, cell_id c, int32_t delta);

/* Marks o escaped with the given cause; what it holds escapes with it. */
void solve_escape(graph *g, object_id o, escape_cause cause);

/* Runs to a fixed point, or sets g->over_budget past g->max_work steps. */
void solve_run(graph *g);

#endif
