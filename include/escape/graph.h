/* graph.h — the location graph of one function.
 *
 * Go's escape analysis (cmd/compile/internal/escape) keeps one location per
 * variable and edges labelled with derefs (-1 address-of, 0 copy, +1 load),
 * and sends every store through a pointer to {heap}. In C nearly everything
 * lives behind a pointer (at -O0 every local is an alloca), so that rule
 * would make every allocation escape. The graph here therefore keeps the
 * three deref levels as three kinds of edge and adds the fourth that C
 * needs, the store through a pointer:
 *
 *   derefs -1   value = &object        the object is in the node's set
 *   derefs  0   dst = src              copy edge
 *   derefs +1   dst = *src             load edge
 *   (store)     *dst = src             store edge
 *
 * Objects are allocation sites, allocas, each parameter's pointee and its
 * pointee's pointee (the caller's memory), and {ext}, which stands for every
 * object that has escaped. A node points to cells: an object and a byte
 * offset into it (or "any offset"), so that struct fields stay apart: the
 * integer loaded from n->len does not carry the pointer stored in n->next.
 * Each object's memory is a set of fields (offset, size) plus one field for
 * stores at unknown offsets; a load reads every field it overlaps. The
 * solver (solve.c) computes, for every node, the cells it may point to, and
 * which objects escape, and why.
 *
 * The soundness invariant. A cell (o, k) in a node's set means "this value
 * may carry bits of a pointer into o". Every SSA value of every type is a
 * node (pointers, integers of any width, floating point, vectors,
 * aggregates), and every instruction passes the cells of its operands to
 * its result, unless it is one of the few that provably computes no address
 * (a compare of two pointers, whose equality is modelled by merging them).
 * Every field of every object is a set of byte ranges, and a load reads the
 * cells of every range it overlaps, whatever the types on either side.
 * A compare of two pointers carries nothing: a pointer based on one object
 * equals another object's address only by undefined behaviour (LLVM folds
 * such compares with a non-escaping alloca to false), while a compare of
 * pointer bits as numbers is a number like any other.
 * Whatever the model cannot follow points to {ext}: constant addresses,
 * integers turned into pointers, pointers read from bytes that were stored
 * as numbers ({num}, which becomes {ext} when read as a pointer), what
 * unknown code returns, what comes back into the process from outside
 * (read, fread, scanf, strtoul). Whatever leaves the model escapes: what is
 * stored into {ext}, passed to unknown code, written out of the process,
 * or whose address bits decide a branch, index memory or size an
 * allocation (the bits could be rebuilt from what they decided). No value,
 * store or load is ever dropped: a value without a node is a constant that
 * holds no address.
 */
#ifndef ESCAPE_GRAPH_H
#define ESCAPE_GRAPH_H

#include "escape/candidates.h"
#include "escape/support.h"

#include <llvm-c/Core.h>
#include <llvm-c/Target.h>

typedef uint32_t node_id;
typedef uint32_t object_id;
typedef uint32_t cell_id;
#define NO_ID UINT32_MAX
#define ANY_OFFSET (-1)        /* a cell or access at an unknown offset */
#define ANY_SIZE 0u            /* an access of unknown size */
#define MAX_FIELD_OFFSET 4096  /* farther offsets are tracked as "any" */
#define MAX_PARAM_READS 16     /* fields of *p read apart; the rest are one */
#define CYCLE_CHECK_CELLS 16   /* an object with this many cells (then 32, 64...)
                                  makes the solver look for shifting cycles */
/* Edge deltas: a byte shift, or one of these. */
#define DELTA_ANY INT32_MIN          /* the offset is forgotten */
#define DELTA_DROP_NUM (INT32_MIN + 1) /* a copy into a number: {num} dropped */
#define DELTA_NUM_EXT (INT32_MIN + 2)  /* a copy into a pointer: {num} becomes {ext} */

typedef struct cell {
  object_id object;
  int32_t offset; /* ANY_OFFSET or a byte offset */
} cell;

/* What arrived in a field of the caller's memory: pointers (cells of
 * objects), numbers ({num}), or both. */
enum { WRITTEN_POINTER = 1, WRITTEN_NUMBER = 2 };

typedef struct field {
  int32_t offset;
  uint32_t size;
  node_id node;    /* what is stored there */
  uint8_t written; /* OBJ_PARAM: WRITTEN_* of what was stored there */
} field;

/* How a load turns the bytes it reads into a value. */
typedef enum load_kind {
  LOAD_NUMBER,  /* a value without pointers: {num} is dropped */
  LOAD_POINTER, /* a value with pointers: bytes stored as numbers read as {ext} */
  LOAD_BYTES    /* raw bytes on their way elsewhere (memcpy): {num} kept */
} load_kind;

typedef struct mem_access {
  node_id node;   /* loads: the destination; stores: the stored value, or NO_ID */
  int32_t offset; /* loads registered on objects: where they read */
  uint32_t size;
  uint8_t kind;   /* loads: a load_kind; stores: true if it writes a number */
} mem_access;

/* pts(dst) gets every cell of the source, shifted by delta bytes
 * (0: a copy; DELTA_ANY: offset forgotten; DELTA_DROP_NUM, DELTA_NUM_EXT). */
typedef struct edge {
  node_id dst;
  int32_t delta;
} edge;

typedef enum object_kind {
  OBJ_EXT,           /* {ext}: everything that escaped, globals, unknown memory */
  OBJ_NUM,           /* {num}: bytes written as numbers, an address if read as one */
  OBJ_SITE,          /* a malloc-family allocation site */
  OBJ_ALLOCA,        /* a stack slot */
  OBJ_PARAM,         /* what parameter p points to (caller's memory) */
  OBJ_PARAM_CONTENT, /* what *p points to (caller's memory, one level down) */
  OBJ_PARAM_DEEP     /* caller's memory two or more levels down */
} object_kind;

/* Why an object escaped; one per object, the first found. */
typedef enum escape_reason {
  REASON_NONE,
  REASON_RETURNED,         /* returned to the caller */
  REASON_STORED,           /* stored into memory that escapes */
  REASON_CALL_UNKNOWN,     /* passed to a function whose body is unknown */
  REASON_CALL_INDIRECT,    /* passed to a call through a function pointer */
  REASON_CALL_ASM,         /* passed to inline assembly */
  REASON_CALL_LEAKS,       /* passed to a function that leaks its parameter */
  REASON_CALL_VARARGS,     /* passed as a variadic argument */
  REASON_REALLOC,          /* passed to realloc */
  REASON_VOLATILE,         /* used by a volatile memory mem_access */
  REASON_EXCEPTION,        /* thrown as an exception */
  REASON_CONTENT,          /* reachable from an object that escaped */
  REASON_OUTPUT,           /* its bits or bytes leave the process (write, printf) */
  REASON_ADDRESS_BITS,     /* its address bits decide a branch, an index or a size */
  REASON_CALL_BUDGET,      /* passed to a function whose analysis ran out of budget */
  REASON_CALL_REPLACEABLE  /* passed to a function whose body here may not be the
                              one that runs (weak, inline, preemptible) */
} escape_reason;

typedef struct escape_cause {
  escape_reason reason;
  LLVMValueRef inst;   /* where it happened */
  node_id node;        /* the node whose set carried the object there */
  object_id container; /* REASON_STORED / REASON_CONTENT: the escaping holder */
  LLVMValueRef callee; /* call reasons: the function called, if direct */
} escape_cause;

typedef struct object {
  object_kind kind;
  LLVMValueRef origin; /* call, alloca or function; NULL for {ext} */
  uint32_t param;      /* OBJ_PARAM*: parameter index */
  int32_t read_offset; /* OBJ_PARAM_CONTENT: the field of *p it was loaded from */
  uint32_t read_size;
  uint32_t site;       /* OBJ_SITE: index into the module's site table */
  node_id content;     /* what is stored at unknown offsets; read by all loads */
  node_id preset;      /* what it held before the function ran, or NO_ID */
  field *fields;       /* what is stored at known offsets */
  node_id all_fields;  /* every field copies here, for loads of unknown extent;
                          NO_ID until one comes */
  uint32_t nfields, capfields;
  mem_access *readers;     /* loads from this object: fields they overlap flow to them */
  uint32_t nreaders, capreaders;
  u32vec cells;        /* this object's cells */
  cell_id any_cell;    /* its cell at offset "any", or NO_ID */
  node_id address;     /* the node that holds the object's address first */
  bool escaped;        /* reaches {ext}: outlives the frame or is shared */
  bool returned;       /* OBJ_PARAM*: reaches the function's result */
  int32_t returned_delta; /* ... at this offset from the parameter's value, or DELTA_ANY */
  bool stored;         /* stored into some object's memory */
  bool pointer_read;   /* OBJ_PARAM_CONTENT: read by a load of a pointer */
  bool written;        /* OBJ_PARAM*: pointers were stored into it */
  bool number_written; /* OBJ_PARAM*: numbers were stored into it */
  uint8_t content_written; /* OBJ_PARAM: WRITTEN_* at unknown offsets */
  bool callee_frees;   /* a callee may free it */
  u32vec frees;        /* indices of the frees that may free it (graph_index_frees) */
  LLVMValueRef freeing_call;
  escape_cause cause;
} object;

/* What happens to the objects that arrive at a node. */
typedef enum sink_kind {
  SINK_ESCAPE,      /* they escape */
  SINK_RETURN,      /* they are returned */
  SINK_CALLEE_FREE, /* a callee may free them */
  SINK_INDEX        /* they index memory from a base (a GEP's index operand) */
} sink_kind;

typedef struct sink {
  sink_kind kind;
  escape_reason reason;
  LLVMValueRef inst;
  LLVMValueRef callee;
  node_id target;     /* SINK_INDEX: the GEP's result */
  bool null_base;     /* SINK_INDEX: the base may be null: the index is an address */
} sink;

typedef struct node {
  LLVMValueRef value; /* the SSA value, or NULL for helper and content nodes */
  object_id owner;    /* content nodes: the object whose memory this is */
  objset pts;         /* cells this node may point to */
  u32vec pending;     /* cells added to pts, not yet propagated */
  edge *edges;        /* successors: copies and shifts */
  uint32_t nedges, capedges;
  mem_access *loads;      /* node = *this, for each cell of this */
  uint32_t nloads, caploads;
  mem_access *stores;     /* *this = node, for each cell of this */
  uint32_t nstores, capstores;
  u32vec sinks;       /* indices into graph.sinks */
  bool queued;
} node;

/* A pointer difference, result = minuend - subtrahend (two ptrtoints). */
typedef struct difference {
  node_id minuend, subtrahend, result;
  bool flows; /* the operands' cells flow into the result */
} difference;

/* A call to free, with the node of its argument. */
typedef struct free_call {
  LLVMValueRef call;
  node_id arg;
  object_id only; /* the one object it may free, or NO_ID (graph_index_frees) */
} free_call;

struct escape_module;

typedef struct graph {
  struct escape_module *module;
  LLVMValueRef fn;
  node *nodes;
  uint32_t nnodes, capnodes;
  object *objects;
  uint32_t nobjects, capobjects;
  cell *cells;
  uint32_t ncells, capcells;
  ptrmap cell_index;   /* (object, offset) -> cell_id */
  sink *sinks;
  uint32_t nsinks, capsinks;
  free_call *frees;
  uint32_t nfrees, capfrees;
  u32vec sites;        /* module site indices allocated in this function */
  ptrmap site_calls;   /* a site's call -> its module site index */
  u32vec param_objects;/* per parameter: its OBJ_PARAM */
  ptrmap param_reads;  /* (param, offset, size) -> its OBJ_PARAM_CONTENT */
  u32vec param_deep;   /* per parameter: its OBJ_PARAM_DEEP, or NO_ID */
  u32vec param_nreads; /* per parameter: its OBJ_PARAM_CONTENT objects */
  ptrmap value_nodes;  /* LLVMValueRef -> node_id */
  ptrmap copy_edges;   /* (src,dst) copies already present, as a fake pointer */
  LLVMTargetDataRef layout;
  node_id ext_node;    /* a node holding {ext} */
  node_id result;      /* what the function returns */
  u32vec worklist;
  bool cycles_due;     /* an object's cells doubled: look for shifting cycles */
  uint64_t work, max_work; /* solver steps taken, and allowed (-escape-max-work) */
  bool over_budget;    /* the solver stopped at max_work: nothing here is known */
  difference *differences; /* in the arena */
  uint32_t ndifferences, capdifferences;
  arena arena;         /* the arrays of every node and object */
} graph;

#define OBJ_EXT_ID 0u
#define EXT_CELL 0u /* ({ext}, any offset) */
#define OBJ_NUM_ID 1u
#define NUM_CELL 1u /* ({num}, any offset) */


/* Builds the graph of a defined function (ninstructions, its size, sizes the
 * tables); the solver then runs on it. */
void graph_build(graph *g, struct escape_module *module, LLVMValueRef fn,
                 uint32_t ninstructions);
void graph_free(graph *g);

/* Node of a value, NO_ID if the value is a constant that holds no address
 * (numbers, null). */
node_id graph_value_node(graph *g, LLVMValueRef value);

/* How a load of this type reads bytes stored as numbers; whether a store of
 * this type writes a number. */
load_kind graph_load_kind(LLVMTypeRef type);
bool graph_stores_number(LLVMTypeRef type);
/* Is v a constant zero (null, 0, 0.0, zeroinitializer)? */
bool graph_is_zero(LLVMValueRef v);

/* Graph construction primitives, also used by the solver. */
node_id graph_new_node(graph *g, LLVMValueRef value);
cell_id graph_cell(graph *g, object_id o, int32_t offset);
/* The object standing for what a load of (offset, size) from parameter
 * param's memory yields: caller memory one level down. Made on first use. */
object_id graph_param_content(graph *g, uint32_t param, int32_t offset,
                              uint32_t size);
void graph_add_copy(graph *g, node_id src, node_id dst);
/* A copy edge that applies a DELTA_DROP_NUM / DELTA_NUM_EXT filter, kept
 * unique like copies. */
void graph_add_filtered_copy(graph *g, node_id src, node_id dst, int32_t filter);
void graph_add_edge(graph *g, node_id src, node_id dst, int32_t delta);
sink *graph_add_sink(graph *g, node_id n, sink_kind kind, escape_reason reason,
                     LLVMValueRef inst, LLVMValueRef callee);
void graph_add_load(graph *g, node_id ptr, node_id dst, uint32_t size,
                    load_kind kind);
/* *ptr = value; number: the bytes written are a number (not only pointers),
 * so that a pointer read from them points to {ext}. value may be NO_ID. */
void graph_add_store(graph *g, node_id ptr, node_id value, uint32_t size,
                     bool number);
/* A node whose set is {(o, offset)}: the value &o (value may be NULL). */
node_id graph_address_node(graph *g, object_id o, int32_t offset,
                           LLVMValueRef value);
/* After solving: which frees may free each object (object.frees), and
 * which frees free exactly one object (free_call.only). Linear in the
 * size of the frees' sets. */
void graph_index_frees(graph *g);

/* Does node n point into object o? */
bool graph_holds(const graph *g, node_id n, object_id o);

#endif
