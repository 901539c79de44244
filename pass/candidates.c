/* candidates.c — recognises the C library's allocation and deallocation calls
 * (see include/escape/candidates.h). */
#include "escape/candidates.h"

#include <string.h>

typedef struct libc_signature {
  const char *name;
  libc_call kind;
  LLVMTypeKind ret; /* LLVMVoidTypeKind, LLVMPointerTypeKind, LLVMIntegerTypeKind */
  unsigned nparams;
  LLVMTypeKind params[3];
} libc_signature;

/* size_t parameters are checked to be 64-bit integers below (x86-64, AArch64). */
static const libc_signature signatures[] = {
    {"malloc", LIBC_MALLOC, LLVMPointerTypeKind, 1, {LLVMIntegerTypeKind}},
    {"calloc", LIBC_CALLOC, LLVMPointerTypeKind, 2,
     {LLVMIntegerTypeKind, LLVMIntegerTypeKind}},
    {"aligned_alloc", LIBC_ALIGNED_ALLOC, LLVMPointerTypeKind, 2,
     {LLVMIntegerTypeKind, LLVMIntegerTypeKind}},
    {"posix_memalign", LIBC_POSIX_MEMALIGN, LLVMIntegerTypeKind, 3,
     {LLVMPointerTypeKind, LLVMIntegerTypeKind, LLVMIntegerTypeKind}},
    {"realloc", LIBC_REALLOC, LLVMPointerTypeKind, 2,
     {LLVMPointerTypeKind, LLVMIntegerTypeKind}},
    {"free", LIBC_FREE, LLVMVoidTypeKind, 1, {LLVMPointerTypeKind}},
};

const char *candidates_name(libc_call kind) {
  for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++)
    if (signatures[i].kind == kind)
      return signatures[i].name;
  return "?";
}

static bool type_matches(LLVMTypeRef type, LLVMTypeKind kind, bool size_t_like) {
  if (LLVMGetTypeKind(type) != kind)
    return false;
  if (kind == LLVMPointerTypeKind)
    return LLVMGetPointerAddressSpace(type) == 0;
  if (kind == LLVMIntegerTypeKind && size_t_like)
    return LLVMGetIntTypeWidth(type) == 64;
  return true;
}

static bool signature_matches(LLVMTypeRef fn_type, const libc_signature *sig) {
  if (LLVMIsFunctionVarArg(fn_type) || LLVMCountParamTypes(fn_type) != sig->nparams)
    return false;
  if (!type_matches(LLVMGetReturnType(fn_type), sig->ret, false))
    return false;
  if (sig->ret == LLVMIntegerTypeKind &&
      LLVMGetIntTypeWidth(LLVMGetReturnType(fn_type)) != 32)
    return false;
  LLVMTypeRef params[3];
  LLVMGetParamTypes(fn_type, params);
  for (unsigned i = 0; i < sig->nparams; i++)
    if (!type_matches(params[i], sig->params[i], true))
      return false;
  return true;
}

static bool has_string_attr(LLVMValueRef fn, const char *name) {
  return LLVMGetStringAttributeAtIndex(fn, LLVMAttributeFunctionIndex, name,
                                       (unsigned)strlen(name)) != NULL;
}

bool candidates_builtins_allowed(LLVMValueRef fn, const char *name) {
  if (has_string_attr(fn, "no-builtins"))
    return false;
  char attr[64];
  size_t len = strlen(name);
  if (len + sizeof "no-builtin-" > sizeof attr)
    return false;
  memcpy(attr, "no-builtin-", sizeof "no-builtin-" - 1);
  memcpy(attr + sizeof "no-builtin-" - 1, name, len + 1);
  return !has_string_attr(fn, attr);
}

static bool call_is_nobuiltin(LLVMValueRef call, LLVMValueRef callee) {
  unsigned kind = LLVMGetEnumAttributeKindForName("nobuiltin", 9);
  return LLVMGetCallSiteEnumAttribute(call, LLVMAttributeFunctionIndex, kind) ||
         LLVMGetEnumAttributeAtIndex(callee, LLVMAttributeFunctionIndex, kind);
}

libc_call candidates_classify(LLVMValueRef call) {
  LLVMValueRef callee = LLVMGetCalledValue(call);
  if (!callee || !LLVMIsAFunction(callee) || !LLVMIsDeclaration(callee))
    return LIBC_NONE; /* indirect, or the module defines it: not the C library's */
  size_t len = 0;
  const char *name = LLVMGetValueName2(callee, &len);
  for (size_t i = 0; i < sizeof signatures / sizeof *signatures; i++) {
    const libc_signature *sig = &signatures[i];
    if (strlen(sig->name) != len || memcmp(sig->name, name, len) != 0)
      continue;
    if (!signature_matches(LLVMGlobalGetValueType(callee), sig) ||
        !signature_matches(LLVMGetCalledFunctionType(call), sig))
      return LIBC_NONE;
    LLVMValueRef caller = LLVMGetBasicBlockParent(LLVMGetInstructionParent(call));
    if (call_is_nobuiltin(call, callee) ||
        !candidates_builtins_allowed(caller, sig->name))
      return LIBC_NONE;
    return sig->kind;
  }
  return LIBC_NONE;
}

static bool const_u64(LLVMValueRef v, uint64_t *out) {
  if (!LLVMIsAConstantInt(v))
    return false;
  *out = LLVMConstIntGetZExtValue(v);
  return true;
}

bool candidates_const_size(LLVMValueRef call, libc_call kind, uint64_t *bytes,
                           bool *overflow) {
  *overflow = false;
  uint64_t a, b;
  switch (kind) {
  case LIBC_MALLOC:
    return const_u64(LLVMGetOperand(call, 0), bytes);
  case LIBC_CALLOC:
    if (!const_u64(LLVMGetOperand(call, 0), &a) ||
        !const_u64(LLVMGetOperand(call, 1), &b))
      return false;
    *overflow = __builtin_mul_overflow(a, b, bytes);
    return true;
  case LIBC_ALIGNED_ALLOC:
  case LIBC_REALLOC:
    return const_u64(LLVMGetOperand(call, 1), bytes);
  case LIBC_POSIX_MEMALIGN:
    return const_u64(LLVMGetOperand(call, 2), bytes);
  default:
    return false;
  }
}

uint64_t candidates_const_align(LLVMValueRef call, libc_call kind) {
  uint64_t align = 1;
  if (kind == LIBC_ALIGNED_ALLOC || kind == LIBC_POSIX_MEMALIGN)
    if (!const_u64(LLVMGetOperand(call, kind == LIBC_ALIGNED_ALLOC ? 0 : 1),
                   &align))
      return 0;
  return align;
}
