//===- plugin.cpp — registers the escape pass with LLVM's new pass manager ===//
//
// The only C++ in escape. It owns what the LLVM C API cannot do: pass
// registration and pipeline placement, command-line options, and the
// services table (include/escape/escape.h): cycles and dominance,
// optimization remarks, and variable names from debug records. No analysis
// logic lives here: the C core decides everything.
//
//===----------------------------------------------------------------------===//

#include "escape/escape.h"

#include "llvm/ADT/DenseMap.h"
#include "llvm/Analysis/CycleAnalysis.h"
#include "llvm/Analysis/InlineCost.h"
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
#include "llvm/Analysis/TargetLibraryInfo.h"
#include "llvm/Analysis/TargetTransformInfo.h"
#include "llvm/BinaryFormat/Dwarf.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/IR/DebugInfoMetadata.h"
#include "llvm/IR/DebugProgramInstruction.h"
#include "llvm/IR/Dominators.h"
#include "llvm/IR/InstIterator.h"
#include "llvm/IR/LLVMRemarkStreamer.h"
#include "llvm/IR/Module.h"
#include "llvm/IR/PassManager.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Transforms/Utils/BasicBlockUtils.h"
#include "llvm/Transforms/Utils/Cloning.h"
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif
#if LLVM_VERSION_MAJOR < 20
#include "llvm/IR/IntrinsicInst.h"
#endif

#include <memory>
#include <regex.h>
#include <string>

using namespace llvm;

#if LLVM_VERSION_MAJOR != 19 && LLVM_VERSION_MAJOR != 22
#error "escape supports LLVM 19 and LLVM 22"
#endif

namespace {

// An unsigned option that rejects values above a bound with a message naming
// the option, instead of accepting them silently.
template <unsigned Max> struct BoundedParser : cl::parser<unsigned> {
  using cl::parser<unsigned>::parser;
  bool parse(cl::Option &O, StringRef ArgName, StringRef Arg, unsigned &Val) {
    if (Arg.getAsInteger(0, Val) || Val > Max)
      return O.error("'" + Arg + "' is not a valid value; expected 0.." +
                     Twine(Max));
    return false;
  }
};

cl::opt<unsigned, false, BoundedParser<2>> EscapeM(
    "escape-m", cl::init(0), cl::value_desc("0|1|2"),
    cl::desc("escape: print verdicts like go build -gcflags=-m (1), with the "
             "flows that make allocations escape (2)"));

cl::opt<unsigned long long> EscapeMaxSize(
    "escape-max-size", cl::init(ESCAPE_DEFAULT_MAX_SIZE), cl::value_desc("bytes"),
    cl::desc("escape: largest allocation moved to the stack"));

cl::opt<unsigned long long> EscapeMaxFrame(
    "escape-max-frame", cl::init(ESCAPE_DEFAULT_MAX_FRAME), cl::value_desc("bytes"),
    cl::desc("escape: most bytes moved to the stack in one function"));

cl::opt<unsigned long long> EscapeMaxStack(
    "escape-max-stack", cl::init(ESCAPE_DEFAULT_MAX_STACK), cl::value_desc("bytes"),
    cl::desc("escape: most bytes moved to the stack along any call path"));

cl::opt<unsigned long long> EscapeMaxCycleFrame(
    "escape-max-cycle-frame", cl::init(ESCAPE_DEFAULT_MAX_CYCLE_FRAME),
    cl::value_desc("bytes"),
    cl::desc("escape: most bytes moved into one frame of a function that may be on "
             "a call cycle through a function pointer or code outside the module"));

cl::opt<unsigned long long> EscapeMaxWork(
    "escape-max-work", cl::init(ESCAPE_DEFAULT_MAX_WORK), cl::value_desc("steps"),
    cl::desc("escape: solver steps allowed per instruction of a function; past "
             "them its allocations stay on the heap (analysis budget exceeded)"));

cl::opt<unsigned long long> EscapeSmallBuffer(
    "escape-small-buffer", cl::init(ESCAPE_DEFAULT_SMALL_BUFFER), cl::value_desc("bytes"),
    cl::desc("escape: stack buffer for an allocation of run-time size that does "
             "not escape, used when the size fits (0: such allocations stay on the heap)"));

cl::opt<bool> EscapeWrappers(
    "escape-wrappers", cl::init(true),
    cl::desc("escape: inline the calls to allocation wrappers (xmalloc, xfree) "
             "whose memory may stay in the caller's frame, and decide on the "
             "allocation inside"));

cl::opt<std::string> EscapeStats(
    "escape-stats", cl::value_desc("file"),
    cl::desc("escape: append per-module counts (sites, moved, kept by reason) to file"));

// A POSIX extended regular expression, checked with the regcomp that the C
// core matches with, so that a bad one is an error that names the option.
struct RegexParser : cl::parser<std::string> {
  using cl::parser<std::string>::parser;
  bool parse(cl::Option &O, StringRef ArgName, StringRef Arg, std::string &Val) {
    regex_t Re;
    std::string Text = Arg.str();
    if (int Err = regcomp(&Re, Text.c_str(), REG_EXTENDED | REG_NOSUB)) {
      char Why[128];
      regerror(Err, &Re, Why, sizeof Why);
      return O.error("'" + Arg + "' is not a POSIX extended regular expression: " +
                     Why);
    }
    regfree(&Re);
    Val = Text;
    return false;
  }
};

cl::opt<std::string, false, RegexParser> EscapeFilter(
    "escape-filter", cl::value_desc("regex"),
    cl::desc("escape: report only functions, or files, whose name matches regex "
             "(POSIX extended, unanchored)"));

cl::opt<bool> EscapeReportOnly(
    "escape-report-only", cl::init(false),
    cl::desc("escape: analyse and report, but do not rewrite"));

// Per-run state behind the services table.
struct Host {
  Module &M;
  FunctionAnalysisManager &FAM;
  DenseMap<const Function *, DenseMap<const Value *, DILocalVariable *>> Names;

  Function &fn(LLVMValueRef V) {
    return *cast<Instruction>(unwrap(V))->getFunction();
  }
  const DenseMap<const Value *, DILocalVariable *> &namesOf(Function &F);
  DILocalVariable *variableOf(const Value *V);
};

void noteVariable(DenseMap<const Value *, DILocalVariable *> &Out, DILocalVariable *Var,
                  Value *Loc) {
  if (Loc && Var && !Var->getName().empty() && !Out.count(Loc))
    Out[Loc] = Var;
}

// The variables that debug records describe, by value, built once per function.
const DenseMap<const Value *, DILocalVariable *> &Host::namesOf(Function &F) {
  auto It = Names.find(&F);
  if (It != Names.end())
    return It->second;
  auto &Out = Names[&F];
  for (Instruction &I : instructions(F)) {
    for (DbgVariableRecord &DVR : filterDbgVars(I.getDbgRecordRange())) {
      for (Value *Loc : DVR.location_ops())
        if (Loc)
          noteVariable(Out, DVR.getVariable(), Loc);
      if (DVR.isDbgAssign() && DVR.getAddress()) // -O2 -g: assignment tracking
        noteVariable(Out, DVR.getVariable(), DVR.getAddress());
    }
#if LLVM_VERSION_MAJOR < 20
    if (auto *DVI = dyn_cast<DbgVariableIntrinsic>(&I)) {
      for (Value *Loc : DVI->location_ops())
        if (Loc)
          noteVariable(Out, DVI->getVariable(), Loc);
      if (auto *DAI = dyn_cast<DbgAssignIntrinsic>(DVI))
        noteVariable(Out, DAI->getVariable(), DAI->getAddress());
    }
#endif
  }
  return Out;
}

// A value's source variable: its own debug record; for a load of a
// variable's stack slot (at -O0), that variable; for a value stored into a
// variable's slot, that slot's.
DILocalVariable *Host::variableOf(const Value *V) {
  const Function *F = isa<Instruction>(V) ? cast<Instruction>(V)->getFunction()
                      : isa<Argument>(V)  ? cast<Argument>(V)->getParent()
                                          : nullptr;
  if (!F)
    return nullptr;
  const auto &Vars = namesOf(const_cast<Function &>(*F));
  auto Lookup = [&](const Value *X) -> DILocalVariable * {
    auto It = Vars.find(X);
    return It == Vars.end() ? nullptr : It->second;
  };
  if (DILocalVariable *Var = Lookup(V))
    return Var;
  if (auto *C = dyn_cast<CastInst>(V))
    return variableOf(C->getOperand(0));
  // Only a slot's load is the variable: a load through a pointer variable
  // (*p, p->data at offset 0) is not p.
  if (auto *L = dyn_cast<LoadInst>(V)) {
    const Value *Slot = L->getPointerOperand()->stripPointerCasts();
    return isa<AllocaInst>(Slot) ? Lookup(Slot) : nullptr;
  }
  for (const User *U : V->users()) // at -O0: stored into the variable's own slot
    if (auto *S = dyn_cast<StoreInst>(U))
      if (S->getValueOperand() == V && isa<AllocaInst>(S->getPointerOperand()))
        if (DILocalVariable *Var = Lookup(S->getPointerOperand()))
          return Var;
  return nullptr;
}

bool inCycle(void *Ctx, LLVMBasicBlockRef B) {
  auto *H = static_cast<Host *>(Ctx);
  BasicBlock *BB = unwrap(B);
  return H->FAM.getResult<CycleAnalysis>(*BB->getParent()).getCycle(BB) != nullptr;
}

bool dominates(void *Ctx, LLVMValueRef Def, LLVMValueRef Use) {
  auto *H = static_cast<Host *>(Ctx);
  auto &DT = H->FAM.getResult<DominatorTreeAnalysis>(H->fn(Def));
  return DT.dominates(cast<Instruction>(unwrap(Def)), cast<Instruction>(unwrap(Use)));
}

LLVMValueRef guardAllocation(void *, LLVMValueRef CallRef, LLVMValueRef SlotRef,
                             LLVMValueRef BigRef) {
  auto *Call = cast<CallInst>(unwrap(CallRef));
  BasicBlock *Head = Call->getParent();
  Instruction *Then =
      SplitBlockAndInsertIfThen(unwrap(BigRef), Call->getIterator(), false);
  BasicBlock *Tail = Call->getParent();
  Call->moveBefore(*Then->getParent(), Then->getIterator());
  PHINode *Phi = PHINode::Create(Call->getType(), 2, "escape.buffer");
  Phi->insertBefore(*Tail, Tail->begin());
  Phi->setDebugLoc(Call->getDebugLoc());
  Call->replaceAllUsesWith(Phi);
  Phi->addIncoming(unwrap(SlotRef), Head);
  Phi->addIncoming(Call, Then->getParent());
  return wrap(Phi);
}

bool remarksEnabled(void *, LLVMValueRef Fn) {
  LLVMContext &C = unwrap<Function>(Fn)->getContext();
  return C.getLLVMRemarkStreamer() ||
         C.getDiagHandlerPtr()->isAnyRemarkEnabled("escape");
}

// escape's one path convention (as report.c prints them): the file as debug
// info names it, resolved against its directory, so that the path opens from
// any directory. A location whose file is relative gets a scope in a file of
// that absolute name; the metadata lives in the context, not in the module.
DiagnosticLocation resolvedLocation(const DILocation *DL) {
  if (!DL)
    return DiagnosticLocation();
  DIFile *File = DL->getFile();
  if (!File || sys::path::is_absolute(File->getFilename()) ||
      File->getDirectory().empty())
    return DiagnosticLocation(DebugLoc(DL));
  SmallString<256> Path(File->getDirectory());
  sys::path::append(Path, File->getFilename());
  LLVMContext &C = DL->getContext();
  auto *Scope = DILexicalBlockFile::get(C, DL->getScope(), DIFile::get(C, Path, ""), 0);
  return DiagnosticLocation(
      DebugLoc(DILocation::get(C, DL->getLine(), DL->getColumn(), Scope)));
}

DiagnosticLocation resolvedLocation(const Value *V) {
  if (auto *I = dyn_cast_or_null<Instruction>(V))
    return resolvedLocation(I->getDebugLoc().get());
  return DiagnosticLocation();
}

template <typename R>
void emitWith(R &&Remark, const escape_remark_arg *Args, unsigned N,
              OptimizationRemarkEmitter &ORE) {
  for (unsigned I = 0; I < N; ++I) {
    if (!Args[I].key) {
      Remark << Args[I].value;
      continue;
    }
    DiagnosticInfoOptimizationBase::Argument Arg(Args[I].key, Args[I].value);
    Arg.Loc = resolvedLocation(unwrap(Args[I].at));
    Remark << Arg;
  }
  ORE.emit(Remark);
}

void remark(void *Ctx, escape_remark_kind Kind, LLVMValueRef At, unsigned Line,
            const char *Name, const escape_remark_arg *Args, unsigned N) {
  auto *H = static_cast<Host *>(Ctx);
  Value *V = unwrap(At);
  if (auto *F = dyn_cast<Function>(V)) {
    auto &ORE = H->FAM.getResult<OptimizationRemarkEmitterAnalysis>(*F);
    DISubprogram *SP = F->getSubprogram();
    DiagnosticLocation Loc =
        SP ? resolvedLocation(DILocation::get(F->getContext(), Line ? Line : SP->getLine(),
                                              0, SP))
           : DiagnosticLocation();
    emitWith(OptimizationRemarkAnalysis("escape", Name, Loc, &F->getEntryBlock()),
             Args, N, ORE);
    return;
  }
  auto *I = cast<Instruction>(V);
  auto &ORE = H->FAM.getResult<OptimizationRemarkEmitterAnalysis>(*I->getFunction());
  DiagnosticLocation Loc = resolvedLocation(I);
  if (Kind == ESCAPE_REMARK_PASSED)
    emitWith(OptimizationRemark("escape", Name, Loc, I->getParent()), Args, N, ORE);
  else if (Kind == ESCAPE_REMARK_MISSED)
    emitWith(OptimizationRemarkMissed("escape", Name, Loc, I->getParent()), Args, N, ORE);
  else
    emitWith(OptimizationRemarkAnalysis("escape", Name, Loc, I->getParent()), Args, N, ORE);
}

unsigned copyName(const std::string &S, char *Buf, unsigned Cap) {
  if (S.empty() || S.size() + 1 > Cap)
    return 0;
  memcpy(Buf, S.c_str(), S.size() + 1);
  return (unsigned)S.size();
}

unsigned variableName(void *Ctx, LLVMValueRef Val, char *Buf, unsigned Cap) {
  DILocalVariable *Var = static_cast<Host *>(Ctx)->variableOf(unwrap(Val));
  return Var ? copyName(Var->getName().str(), Buf, Cap) : 0;
}

// The type below typedefs and qualifiers.
const DIType *strippedType(const DIType *T) {
  while (auto *D = dyn_cast_or_null<DIDerivedType>(T)) {
    unsigned Tag = D->getTag();
    if (Tag != dwarf::DW_TAG_typedef && Tag != dwarf::DW_TAG_const_type &&
        Tag != dwarf::DW_TAG_volatile_type && Tag != dwarf::DW_TAG_restrict_type &&
        Tag != dwarf::DW_TAG_atomic_type)
      break;
    T = D->getBaseType();
  }
  return T;
}

// The member of a struct or union at a byte offset, as "a" or "a.b" for a
// member of a nested struct.
bool memberAt(const DIType *T, uint64_t Offset, std::string &Name) {
  auto *S = dyn_cast_or_null<DICompositeType>(strippedType(T));
  if (!S || (S->getTag() != dwarf::DW_TAG_structure_type &&
             S->getTag() != dwarf::DW_TAG_union_type))
    return false;
  for (const DINode *E : S->getElements()) {
    auto *M = dyn_cast<DIDerivedType>(E);
    if (!M || M->getTag() != dwarf::DW_TAG_member || M->getName().empty())
      continue;
    uint64_t Begin = M->getOffsetInBits() / 8, Size = M->getSizeInBits() / 8;
    if (Offset < Begin || Offset >= Begin + (Size ? Size : 1))
      continue;
    std::string Inner;
    if (Offset == Begin && !isa<DICompositeType>(strippedType(M->getBaseType()))) {
      Name = M->getName().str();
      return true;
    }
    if (memberAt(M->getBaseType(), Offset - Begin, Inner)) {
      Name = M->getName().str() + "." + Inner;
      return true;
    }
  }
  return false;
}

unsigned memberName(void *Ctx, LLVMValueRef Load, LLVMValueRef *Pointer, char *Buf,
                    unsigned Cap) {
  auto *H = static_cast<Host *>(Ctx);
  auto *L = dyn_cast<LoadInst>(unwrap(Load));
  if (!L)
    return 0;
  const DataLayout &DL = L->getModule()->getDataLayout();
  APInt Offset(DL.getIndexTypeSizeInBits(L->getPointerOperandType()), 0);
  const Value *Base =
      L->getPointerOperand()->stripAndAccumulateConstantOffsets(DL, Offset, true);
  DILocalVariable *Var = H->variableOf(Base);
  auto *Ptr = Var ? dyn_cast_or_null<DIDerivedType>(strippedType(Var->getType())) : nullptr;
  std::string Name;
  if (!Ptr || Ptr->getTag() != dwarf::DW_TAG_pointer_type || Offset.isNegative() ||
      !memberAt(Ptr->getBaseType(), Offset.getZExtValue(), Name))
    return 0;
  *Pointer = wrap(Base);
  return copyName(Name, Buf, Cap);
}

// Fails the compile with a message at the instruction (clang prints it as
// FILE:LINE:COL: error: ...). DiagnosticInfoUnsupported is the error with a
// source location that clang 19 and 22 both print at that location.
void error(void *Ctx, LLVMValueRef At, const char *Message) {
  Value *V = unwrap(At);
  Function *F = isa<Function>(V) ? cast<Function>(V) : cast<Instruction>(V)->getFunction();
  F->getContext().diagnose(
      DiagnosticInfoUnsupported(*F, Message, resolvedLocation(V), DS_Error));
}

// LLVM's own inliner, for the calls to allocation wrappers that wrappers.c
// chose; the caller's analyses are stale afterwards.
int inlineCall(void *Ctx, LLVMValueRef CallRef, LLVMValueRef *Inlined, unsigned Cap) {
  auto *H = static_cast<Host *>(Ctx);
  auto *Call = cast<CallBase>(unwrap(CallRef));
  Function *Callee = Call->getCalledFunction();
  Function *Caller = Call->getFunction();
  if (!Callee || Callee->isDeclaration() || !isInlineViable(*Callee).isSuccess())
    return -1;
  // What LLVM's inliner checks first: target features, -fno-builtin sets,
  // noinline at the call, sanitizer and other attributes that must agree.
  auto GetTLI = [&](Function &F) -> const TargetLibraryInfo & {
    return H->FAM.getResult<TargetLibraryAnalysis>(F);
  };
  auto Decision = getAttributeBasedInliningDecision(
      *Call, Callee, H->FAM.getResult<TargetIRAnalysis>(*Callee), GetTLI);
  if (Decision && !Decision->isSuccess())
    return -1;
  InlineFunctionInfo IFI;
  if (!InlineFunction(*Call, IFI).isSuccess())
    return -1;
  H->FAM.invalidate(*Caller, PreservedAnalyses::none());
  H->Names.erase(Caller);
  unsigned N = 0;
  for (CallBase *C : IFI.InlinedCallSites)
    if (N < Cap)
      Inlined[N++] = wrap(C);
  return (int)N;
}

unsigned paramName(void *Ctx, LLVMValueRef Fn, unsigned ArgNo, char *Buf,
                   unsigned Cap, unsigned *Line) {
  (void)Ctx;
  Function *F = unwrap<Function>(Fn);
  DISubprogram *SP = F->getSubprogram();
  if (!SP)
    return 0;
  auto Matches = [&](DILocalVariable *Var) {
    return Var && Var->getArg() == ArgNo + 1 && Var->getScope() == SP;
  };
  for (Instruction &I : instructions(*F)) {
    for (DbgVariableRecord &DVR : filterDbgVars(I.getDbgRecordRange()))
      if (Matches(DVR.getVariable())) {
        *Line = DVR.getVariable()->getLine();
        return copyName(DVR.getVariable()->getName().str(), Buf, Cap);
      }
#if LLVM_VERSION_MAJOR < 20
    if (auto *DVI = dyn_cast<DbgVariableIntrinsic>(&I))
      if (Matches(DVI->getVariable())) {
        *Line = DVI->getVariable()->getLine();
        return copyName(DVI->getVariable()->getName().str(), Buf, Cap);
      }
#endif
  }
  return 0;
}

bool preemptible(void *Ctx, LLVMValueRef Fn) {
  (void)Ctx;
  return !unwrap<Function>(Fn)->isDSOLocal();
}

void changed(void *Ctx, LLVMValueRef Fn) {
  auto *H = static_cast<Host *>(Ctx);
  Function *F = unwrap<Function>(Fn);
  H->FAM.invalidate(*F, PreservedAnalyses::none());
  H->Names.erase(F);
}

// Options travel with the IR as module flags, so that the run at LTO link
// time (where lld cannot pass -mllvm options to a plugin it has not loaded
// yet) uses the settings of the compile. A flag given on the command line
// wins; modules merged by LTO keep the most conservative limits.
template <typename T>
T option(const Module &M, const cl::opt<T> &Opt, const char *Flag) {
  if (Opt.getNumOccurrences() == 0)
    if (auto *C = mdconst::extract_or_null<ConstantInt>(M.getModuleFlag(Flag)))
      return (T)C->getZExtValue();
  return Opt;
}

template <typename T, typename P>
T option(const Module &M, const cl::opt<T, false, P> &Opt, const char *Flag) {
  if (Opt.getNumOccurrences() == 0)
    if (auto *C = mdconst::extract_or_null<ConstantInt>(M.getModuleFlag(Flag)))
      return (T)C->getZExtValue();
  return Opt;
}

escape_config configFor(const Module &M) {
  return {(int)option(M, EscapeM, "escape.m"),
          option(M, EscapeMaxSize, "escape.max-size"),
          option(M, EscapeMaxFrame, "escape.max-frame"),
          option(M, EscapeMaxStack, "escape.max-stack"),
          option(M, EscapeMaxCycleFrame, "escape.max-cycle-frame"),
          option(M, EscapeSmallBuffer, "escape.small-buffer"),
          option(M, EscapeMaxWork, "escape.max-work"),
          option(M, EscapeReportOnly, "escape.report-only"),
          option(M, EscapeWrappers, "escape.wrappers"),
          EscapeStats.empty() ? nullptr : EscapeStats.c_str(), false,
          EscapeFilter.empty() ? nullptr : EscapeFilter.c_str()};
}

void recordConfig(Module &M, const escape_config &C) {
  auto Add = [&](Module::ModFlagBehavior B, const char *Flag, uint64_t V) {
    if (!M.getModuleFlag(Flag))
      M.addModuleFlag(B, Flag, V);
  };
  Add(Module::Max, "escape.m", (uint64_t)C.m);
  Add(Module::Min, "escape.max-size", C.max_size);
  Add(Module::Min, "escape.max-frame", C.max_frame);
  Add(Module::Min, "escape.max-stack", C.max_stack);
  Add(Module::Min, "escape.max-cycle-frame", C.max_cycle_frame);
  Add(Module::Min, "escape.small-buffer", C.small_buffer);
  Add(Module::Min, "escape.max-work", C.max_work);
  Add(Module::Max, "escape.report-only", C.report_only);
  Add(Module::Min, "escape.wrappers", C.wrappers);
}

struct EscapePass : PassInfoMixin<EscapePass> {
  escape_mode Mode;
  explicit EscapePass(escape_mode Mode) : Mode(Mode) {}

  static StringRef name() { return "escape"; } // in -ftime-report, -debug-pass-manager

  void printPipeline(raw_ostream &OS, function_ref<StringRef(StringRef)>) {
    OS << (Mode == ESCAPE_MODE_PRINT ? "print<escape>" : "escape");
  }

  PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM) {
    auto &FAM = MAM.getResult<FunctionAnalysisManagerModuleProxy>(M).getManager();
    Host H{M, FAM, DenseMap<const Function *, DenseMap<const Value *, DILocalVariable *>>()};
    escape_services Services = {&H,           inCycle,   dominates,      remark,
                                variableName, paramName, remarksEnabled, changed,
                                memberName,   guardAllocation, error,          inlineCall,
                                preemptible};
    if (Mode == ESCAPE_MODE_PRINT)
      Services.remark = nullptr;
    escape_config Config = configFor(M);
    Config.post_link = M.getModuleFlag("escape.m") != nullptr; // set by the compile's run
    bool Changed = escape_run_module(wrap(&M), &Config, &Services, Mode);
    if (Mode == ESCAPE_MODE_TRANSFORM)
      recordConfig(M, Config);
    return Changed ? PreservedAnalyses::none() : PreservedAnalyses::all();
  }
  static bool isRequired() { return true; }
};

// Pipeline placement. The pass runs once per compile, right after the early
// simplification of the module (clang's early SROA/EarlyCSE/SimplifyCFG at
// -O1 and above; nothing at -O0), before inlining and before the function
// simplification pipeline. There:
//  - every allocation site of the source is still present, so the report is
//    complete (InstCombine would delete unused malloc/free pairs later);
//  - locals are already SSA values, so the loop rule sees real data flow;
//  - SROA, mem2reg and InstCombine run afterwards on every function, so a
//    moved allocation whose address does not escape becomes registers;
//  - sanitizers instrument later (at OptimizerLastEP), so they see the slots.
// Full LTO runs it again at link time (FullLinkTimeOptimizationEarlyEP) and
// ThinLTO in each backend, where cross-module summaries are exact; sites
// reported before carry !escape.reported and are not reported twice.
void registerCallbacks(PassBuilder &PB) {
  PB.registerPipelineParsingCallback(
      [](StringRef Name, ModulePassManager &MPM,
         ArrayRef<PassBuilder::PipelineElement>) {
        if (Name == "escape") {
          MPM.addPass(EscapePass(ESCAPE_MODE_TRANSFORM));
          return true;
        }
        if (Name == "print<escape>") {
          MPM.addPass(EscapePass(ESCAPE_MODE_PRINT));
          return true;
        }
        return false;
      });
#if LLVM_VERSION_MAJOR >= 20
  PB.registerPipelineEarlySimplificationEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel, ThinOrFullLTOPhase) {
        MPM.addPass(EscapePass(ESCAPE_MODE_TRANSFORM));
      });
#else
  PB.registerPipelineEarlySimplificationEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapePass(ESCAPE_MODE_TRANSFORM));
      });
#endif
  PB.registerFullLinkTimeOptimizationEarlyEPCallback(
      [](ModulePassManager &MPM, OptimizationLevel) {
        MPM.addPass(EscapePass(ESCAPE_MODE_TRANSFORM));
      });
}

} // namespace

extern "C" LLVM_ATTRIBUTE_WEAK __attribute__((visibility("default")))
::llvm::PassPluginLibraryInfo llvmGetPassPluginInfo() {
  return {LLVM_PLUGIN_API_VERSION, "escape", "0.1", registerCallbacks};
}
