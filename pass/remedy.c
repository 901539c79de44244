/* remedy.c — what would move a site (see include/escape/remedy.h). Each
 * sentence names the change in the source or the option that decides it,
 * with the number that would do where there is one. */
#include "escape/remedy.h"

static const char *callee_name(LLVMValueRef callee) {
  size_t len;
  return callee && LLVMIsAFunction(callee) ? LLVMGetValueName2(callee, &len) : "the callee";
}

static void remedy_for_store(strbuf *b, const graph *g, object_id holder) {
  object_kind kind = holder == NO_ID ? OBJ_EXT : g->objects[holder].kind;
  if (kind == OBJ_EXT || kind == OBJ_NUM)
    strbuf_printf(b, "keep the pointer in a local variable; what a global can reach "
                     "outlives the function");
  else if (kind == OBJ_PARAM || kind == OBJ_PARAM_CONTENT || kind == OBJ_PARAM_DEEP)
    strbuf_printf(b, "let the caller allocate it (it can reach the memory the "
                     "pointer is stored into), or keep the pointer local");
  else
    strbuf_printf(b, "the memory that holds it escapes: keep that memory local "
                     "first (see the flow)");
}

void remedy_for_escape(strbuf *b, const graph *g, const escape_cause *c) {
  const char *callee = callee_name(c->callee);
  switch (c->reason) {
  case REASON_RETURNED:
    strbuf_printf(b, "let the caller pass in the memory to fill, or return the "
                     "object by value");
    return;
  case REASON_STORED:
  case REASON_CONTENT:
    remedy_for_store(b, g, c->container);
    return;
  case REASON_CALL_UNKNOWN:
    strbuf_printf(b, "define %s in this file or build with -flto, or declare its "
                     "parameter __attribute__((noescape)) if it keeps no copy",
                  callee);
    return;
  case REASON_CALL_REPLACEABLE:
    strbuf_printf(b, "if this %s is the one that runs, say so: make it static, drop "
                     "weak or inline, or in a -fPIC library give it hidden visibility or "
                     "build with -fno-semantic-interposition",
                  callee);
    return;
  case REASON_CALL_BUDGET:
    strbuf_printf(b, "split %s, or raise -escape-max-work", callee);
    return;
  case REASON_CALL_LEAKS:
    strbuf_printf(b, "%s keeps or returns its parameter (its 'leaking param' line "
                     "says which): pass it a copy it may keep",
                  callee);
    return;
  case REASON_CALL_INDIRECT:
    strbuf_printf(b, "call the function directly, so that its body decides");
    return;
  case REASON_CALL_ASM:
    strbuf_printf(b, "inline assembly may keep any pointer: pass it the data, not "
                     "the address");
    return;
  case REASON_CALL_VARARGS:
    strbuf_printf(b, "pass it through a named parameter of %s; variadic arguments "
                     "are not followed",
                  callee);
    return;
  case REASON_REALLOC:
    strbuf_printf(b, "allocate the final size at once instead of growing it with "
                     "realloc");
    return;
  case REASON_VOLATILE:
    strbuf_printf(b, "drop volatile from the access to the pointer");
    return;
  case REASON_EXCEPTION:
    strbuf_printf(b, "throw a copy of the data, not the allocation");
    return;
  case REASON_OUTPUT:
    strbuf_printf(b, "write the data, not the pointer: %s lets its bits leave "
                     "the process",
                  callee);
    return;
  case REASON_ADDRESS_BITS:
    strbuf_printf(b, "compare, hash or size with the data, not the pointer's "
                     "address");
    return;
  case REASON_NONE:
    return;
  }
}

void remedy_for_refusal(const escape_module *m, strbuf *b, const site *s) {
  const escape_config *c = m->config;
  unsigned long long need = (unsigned long long)s->detail;
  switch (s->verdict) {
  case REFUSE_NONE:
  case REFUSE_ESCAPES:
  case REFUSE_REPORT_ONLY:
  case REFUSE_COUNT:
    return;
  case REFUSE_OPTNONE:
    strbuf_printf(b, "compile with -O1 or higher");
    return;
  case REFUSE_ADDRSPACE:
    strbuf_printf(b, "none on this target: its stack is not in address space 0");
    return;
  case REFUSE_REALLOC:
    strbuf_printf(b, "allocate the final size with malloc; memory that realloc "
                     "returns is never moved");
    return;
  case REFUSE_NONCONST_SIZE:
    strbuf_printf(b, "a constant size of at most %llu bytes (-escape-max-size) would "
                     "move it: allocate the bound the size never exceeds",
                  (unsigned long long)c->max_size);
    return;
  case REFUSE_ZERO_SIZE:
    strbuf_printf(b, "none: malloc(0) may return NULL or a unique pointer, which "
                     "the stack cannot imitate");
    return;
  case REFUSE_OVERFLOW:
    strbuf_printf(b, "the size computation overflows: check count and size");
    return;
  case REFUSE_TOO_LARGE:
    strbuf_printf(b, "-escape-max-size=%llu or more would move it, or allocate less",
                  (unsigned long long)s->size);
    return;
  case REFUSE_BAD_ALIGN:
    strbuf_printf(b, "use a constant power-of-two alignment of at most 4096");
    return;
  case REFUSE_FRAME_BUDGET:
    strbuf_printf(b, "-escape-max-frame=%llu (and -escape-max-stack) or more would "
                     "move it, or allocate less in this function",
                  need);
    return;
  case REFUSE_STACK_BUDGET:
    strbuf_printf(b, "-escape-max-stack=%llu or more would move it, or move the "
                     "allocation up the call path",
                  need);
    return;
  case REFUSE_CYCLE_BUDGET:
    if (s->small_buffer) {
      strbuf_printf(b, "a constant size of at most -escape-max-cycle-frame bytes, or "
                       "-flto, with which the cycle may vanish");
      return;
    }
    strbuf_printf(b, "-escape-max-cycle-frame=%llu or more would move it; with the "
                     "whole program in view (-flto) the cycle may vanish",
                  need);
    return;
  case REFUSE_FREED_WITH_OTHERS:
    strbuf_printf(b, "free it through a pointer that holds only this allocation");
    return;
  case REFUSE_FREED_WITH_KEPT:
    strbuf_printf(b, "free it apart from the allocation that stays on the heap");
    return;
  case REFUSE_FREED_BY_CALLEE: {
    LLVMValueRef call = s->detail_inst;
    bool is_call = call && (LLVMIsACallInst(call) || LLVMIsAInvokeInst(call));
    strbuf_printf(b, "a definition of %s visible here, or -flto, would decide "
                     "whether the free can go; or free it in this function",
                  callee_name(is_call ? LLVMGetCalledValue(call) : NULL));
    return;
  }
  case REFUSE_TAIL_CALL:
    strbuf_printf(b, "do the work that needs the memory in a helper function called "
                     "before the tail call, so that the calling frame stays empty");
    return;
  case REFUSE_FREE_INVOKE:
    strbuf_printf(b, "free it where no exception can unwind (a call to free that "
                     "is not an invoke)");
    return;
  case REFUSE_LOOP:
    strbuf_printf(b, "allocate it before the loop, or free it in the iteration "
                     "that allocates it");
    return;
  case REFUSE_RECURSIVE:
    strbuf_printf(b, "allocate it in a caller that is not on the call cycle");
    return;
  case REFUSE_RETURNS_TWICE:
    strbuf_printf(b, "move the setjmp into a function of its own");
    return;
  case REFUSE_MUSTTAIL:
    strbuf_printf(b, "allocate it in a function that makes no musttail call");
    return;
  case REFUSE_INVOKE_PHI:
    strbuf_printf(b, "none yet: the rewrite cannot split this invoke's unwind edge");
    return;
  case REFUSE_ANALYSIS_BUDGET:
    strbuf_printf(b, "split the function, or raise -escape-max-work");
    return;
  }
}
