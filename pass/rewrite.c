/* rewrite.c — moves allocations to the stack (see include/escape/rewrite.h).
 *
 * For each moved site:
 *   - one `alloca [N x i8], align max(16, requested)` at the top of the entry
 *     block, so the frame never grows at run time, whatever loop the site is in;
 *   - at the site: llvm.lifetime.start on the slot (fresh memory every time
 *     the site runs), then for calloc a memset to zero, for posix_memalign a
 *     store of the slot into *memptr and a result of 0;
 *   - the call's uses take the slot; the call goes (an invoke becomes a branch);
 *   - every free of it is deleted; where the freed value is the slot itself,
 *     llvm.lifetime.end takes its place. Not where it is a phi or select
 *     with NULL: on the NULL path the object lives on after the free. Every
 *     return ends the lifetime instead (`goto out` cleanup frees just before
 *     one), so that slots of disjoint lifetimes can share stack space, in
 *     this frame and in every caller it is inlined into; ending a lifetime
 *     that did not start on that path does nothing;
 *   - the slot carries !escape.slot, so that a later run of escape (the LTO
 *     link) counts it in the frame it ends up in;
 *   - calls in the function lose their `tail` marker: it promises that the
 *     callee does not touch the caller's stack, which is no longer true once
 *     a slot may be passed to it (the backend would emit a real tail call
 *     and free the frame before the callee reads the slot). TailCallElim
 *     puts the marker back where it still holds. musttail calls are never
 *     in a rewritten function (decide.c refuses).
 * A site of run-time size keeps its call for sizes larger than its buffer:
 * p = n <= K ? slot : malloc(n), and each free becomes
 * free(p == slot ? NULL : p) (replace_with_buffer).
 * New instructions carry the site's debug location. Nothing else changes. */
#include "escape/rewrite.h"

#include "escape/decide.h"

#include <llvm-c/DebugInfo.h>
#include <stdlib.h>
#include <string.h>

static LLVMValueRef lifetime_marker(escape_module *m, LLVMBuilderRef b,
                                    bool start, LLVMValueRef slot,
                                    uint64_t size) {
  if (!m->lifetime_start) {
    LLVMTypeRef ptr = LLVMTypeOf(slot);
    unsigned s = LLVMLookupIntrinsicID("llvm.lifetime.start", 19);
    unsigned e = LLVMLookupIntrinsicID("llvm.lifetime.end", 17);
    m->lifetime_start = LLVMGetIntrinsicDeclaration(m->module, s, &ptr, 1);
    m->lifetime_end = LLVMGetIntrinsicDeclaration(m->module, e, &ptr, 1);
    m->lifetime_type = LLVMIntrinsicGetType(m->context, s, &ptr, 1);
  }
  /* LLVM 19 takes (i64 size, ptr); LLVM 22 takes (ptr) only. */
  LLVMValueRef marker = start ? m->lifetime_start : m->lifetime_end;
  if (LLVMCountParamTypes(m->lifetime_type) == 1)
    return LLVMBuildCall2(b, m->lifetime_type, marker, &slot, 1, "");
  LLVMValueRef args[2] = {
      LLVMConstInt(LLVMInt64TypeInContext(m->context), size, false), slot};
  return LLVMBuildCall2(b, m->lifetime_type, marker, args, 2, "");
}

static LLVMValueRef entry_slot(escape_module *m, LLVMBuilderRef b,
                               LLVMValueRef fn, const site *s) {
  LLVMBasicBlockRef entry = LLVMGetEntryBasicBlock(fn);
  LLVMPositionBuilderBefore(b, LLVMGetFirstInstruction(entry));
  LLVMSetCurrentDebugLocation2(b, NULL);
  LLVMTypeRef bytes = LLVMArrayType2(LLVMInt8TypeInContext(m->context), s->size);
  LLVMValueRef slot = LLVMBuildAlloca(b, bytes, "escape.slot");
  LLVMSetAlignment(slot, (unsigned)decide_slot_align(s));
  return slot;
}

static LLVMValueRef strip_casts(LLVMValueRef v) {
  while (LLVMIsABitCastInst(v) || LLVMIsAAddrSpaceCastInst(v))
    v = LLVMGetOperand(v, 0);
  return v;
}

/* Runs after the site's uses were replaced: a free of the site's own value
 * now frees the slot itself, and ends its lifetime. */
static void delete_frees(escape_module *m, LLVMBuilderRef b, const site *s,
                         LLVMValueRef slot) {
  for (uint32_t i = 0; i < s->nfrees; i++) {
    LLVMValueRef call = s->frees[i];
    if (strip_casts(LLVMGetOperand(call, 0)) == slot) {
      LLVMPositionBuilderBefore(b, call);
      LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(call));
      lifetime_marker(m, b, false, slot, s->size);
    }
    LLVMInstructionEraseFromParent(call);
  }
}

/* The returns of the function being rewritten, found once for all its
 * sites: a walk of every block per site would make the rewrite quadratic. */
typedef struct returns {
  LLVMValueRef *data;
  uint32_t len, cap;
} returns;

static void find_returns(LLVMValueRef fn, returns *r) {
  r->len = 0;
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb)) {
    LLVMValueRef term = LLVMGetBasicBlockTerminator(bb);
    if (term && LLVMIsAReturnInst(term)) {
      VEC_GROW(r->data, r->len, r->cap);
      r->data[r->len++] = term;
    }
  }
}

/* The rewrite splits blocks (guard_allocation) but keeps every return
 * instruction, so the list stays true while the function is rewritten. */
static void end_at_returns(escape_module *m, LLVMBuilderRef b, const returns *r,
                           LLVMValueRef slot, uint64_t size) {
  for (uint32_t i = 0; i < r->len; i++) {
    LLVMValueRef term = r->data[i];
    LLVMValueRef before = LLVMGetPreviousInstruction(term);
    if (before && LLVMIsACallInst(before) && LLVMGetCalledValue(before) == m->lifetime_end &&
        LLVMGetOperand(before, LLVMGetNumArgOperands(before) - 1) == slot)
      continue; /* a free just before the return ended it */
    LLVMPositionBuilderBefore(b, term);
    LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(term));
    lifetime_marker(m, b, false, slot, size);
  }
}

/* At the site, with its debug location: the slot's memory is fresh every
 * time the site runs. */
static void start_at_site(escape_module *m, LLVMBuilderRef b, const site *s,
                          LLVMValueRef slot) {
  LLVMPositionBuilderBefore(b, s->call);
  LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(s->call));
  lifetime_marker(m, b, true, slot, s->size);
}

static void replace_site(escape_module *m, LLVMBuilderRef b, const site *s,
                         LLVMValueRef slot) {
  LLVMValueRef call = s->call;
  start_at_site(m, b, s, slot);
  if (s->kind == LIBC_CALLOC)
    LLVMBuildMemSet(b, slot, LLVMConstInt(LLVMInt8TypeInContext(m->context), 0, false),
                    LLVMConstInt(LLVMInt64TypeInContext(m->context), s->size, false),
                    (unsigned)decide_slot_align(s));
  if (s->kind == LIBC_POSIX_MEMALIGN) {
    LLVMBuildStore(b, slot, LLVMGetOperand(call, 0));
    LLVMReplaceAllUsesWith(call, LLVMConstInt(LLVMTypeOf(call), 0, false));
  } else {
    LLVMReplaceAllUsesWith(call, slot);
  }
  if (LLVMGetInstructionOpcode(call) == LLVMInvoke)
    LLVMBuildBr(b, LLVMGetNormalDest(call));
}

/* The size asked for, and whether it is larger than the buffer (or, for
 * calloc, overflows: then calloc must run, and return NULL). */
static LLVMValueRef too_big(escape_module *m, LLVMBuilderRef b, const site *s,
                            LLVMValueRef *bytes) {
  LLVMTypeRef i64 = LLVMInt64TypeInContext(m->context);
  LLVMValueRef call = s->call, limit = LLVMConstInt(i64, s->size, false);
  if (s->kind != LIBC_CALLOC) {
    *bytes = LLVMGetOperand(call, s->kind == LIBC_ALIGNED_ALLOC ? 1 : 0);
    return LLVMBuildICmp(b, LLVMIntUGT, *bytes, limit, "escape.big");
  }
  unsigned id = LLVMLookupIntrinsicID("llvm.umul.with.overflow", 23);
  LLVMValueRef mul = LLVMGetIntrinsicDeclaration(m->module, id, &i64, 1);
  LLVMValueRef args[2] = {LLVMGetOperand(call, 0), LLVMGetOperand(call, 1)};
  LLVMValueRef product = LLVMBuildCall2(b, LLVMIntrinsicGetType(m->context, id, &i64, 1),
                                        mul, args, 2, "");
  *bytes = LLVMBuildExtractValue(b, product, 0, "escape.bytes");
  LLVMValueRef overflow = LLVMBuildExtractValue(b, product, 1, "");
  return LLVMBuildOr(b, overflow, LLVMBuildICmp(b, LLVMIntUGT, *bytes, limit, ""),
                     "escape.big");
}

/* A run-time size: the buffer when the size fits, the call otherwise
 * (p = n <= K ? slot : malloc(n)); calloc zeroes the n bytes it was asked
 * for. Every free becomes free(p == slot ? NULL : p). */
static void replace_with_buffer(escape_module *m, LLVMBuilderRef b, const site *s,
                                LLVMValueRef slot) {
  LLVMValueRef call = s->call;
  start_at_site(m, b, s, slot);
  LLVMValueRef bytes, big = too_big(m, b, s, &bytes);
  if (s->kind == LIBC_CALLOC) {
    LLVMTypeRef i64 = LLVMInt64TypeInContext(m->context);
    LLVMValueRef zeroed = LLVMBuildSelect(b, big, LLVMConstInt(i64, 0, false), bytes, "");
    LLVMBuildMemSet(b, slot, LLVMConstInt(LLVMInt8TypeInContext(m->context), 0, false),
                    zeroed, (unsigned)decide_slot_align(s));
  }
  LLVMValueRef buffer = m->services->guard_allocation(m->services->ctx, call, slot, big);
  LLVMTypeRef ptr = LLVMTypeOf(slot);
  for (uint32_t i = 0; i < s->nfrees; i++) {
    LLVMValueRef free_call = s->frees[i];
    LLVMValueRef arg = LLVMGetOperand(free_call, 0);
    LLVMPositionBuilderBefore(b, free_call);
    LLVMSetCurrentDebugLocation2(b, LLVMInstructionGetDebugLoc(free_call));
    LLVMValueRef mine = LLVMBuildICmp(b, LLVMIntEQ, arg, slot, "");
    LLVMSetOperand(free_call, 0,
                   LLVMBuildSelect(b, mine, LLVMConstPointerNull(ptr), arg, ""));
    if (strip_casts(arg) == buffer) { /* after the free: a return may follow */
      LLVMPositionBuilderBefore(b, LLVMGetNextInstruction(free_call));
      lifetime_marker(m, b, false, slot, s->size);
    }
  }
}

static void drop_tail_markers(LLVMValueRef fn) {
  for (LLVMBasicBlockRef bb = LLVMGetFirstBasicBlock(fn); bb;
       bb = LLVMGetNextBasicBlock(bb))
    for (LLVMValueRef i = LLVMGetFirstInstruction(bb); i;
         i = LLVMGetNextInstruction(i))
      if (LLVMIsACallInst(i) && LLVMGetTailCallKind(i) == LLVMTailCallKindTail)
        LLVMSetTailCallKind(i, LLVMTailCallKindNone);
}

static void rewrite_site(escape_module *m, LLVMBuilderRef b, const site *s,
                         const returns *r) {
  LLVMValueRef slot = entry_slot(m, b, s->fn, s);
  LLVMSetMetadata(slot, m->md_slot,
                  LLVMMetadataAsValue(m->context, LLVMMDNodeInContext2(m->context, NULL, 0)));
  if (s->small_buffer) {
    replace_with_buffer(m, b, s, slot);
    end_at_returns(m, b, r, slot, s->size);
    return; /* the call stays, for sizes that do not fit */
  }
  replace_site(m, b, s, slot);
  delete_frees(m, b, s, slot);
  end_at_returns(m, b, r, slot, s->size);
  LLVMInstructionEraseFromParent(s->call);
}

void rewrite_sites(escape_module *m) {
  LLVMBuilderRef b = LLVMCreateBuilderInContext(m->context);
  returns r = {0};
  LLVMValueRef fn = NULL; /* sites of one function are contiguous */
  for (uint32_t i = 0; i < m->nsites; i++) {
    const site *s = &m->sites[i];
    if (s->verdict != REFUSE_NONE)
      continue;
    bool first = s->fn != fn;
    if (first)
      find_returns(s->fn, &r);
    rewrite_site(m, b, s, &r);
    m->changed = true;
    if (first) {
      drop_tail_markers(s->fn);
      if (m->services->changed)
        m->services->changed(m->services->ctx, s->fn);
      fn = s->fn;
    }
  }
  free(r.data);
  LLVMDisposeBuilder(b);
}
