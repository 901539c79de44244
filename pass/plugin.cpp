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
#include "llvm/Analysis/OptimizationRemarkEmitter.h"
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
#if LLVM_VERSION_MAJOR >= 22
#include "llvm/Plugins/PassPlugin.h"
#else
#include "llvm/Passes/PassPlugin.h"
#endif
#if LLVM_VERSION_MAJOR < 20
#include "llvm/IR/IntrinsicInst.h"
#endif

#include <memory>
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

cl::opt<std::string> EscapeStats(
    "escape-stats", cl::value_desc("file"),
    cl::desc("escape: append per-module counts (sites, moved, kept by reason) to file"));

cl::opt<bool> EscapeReportOnly(
    "escape-report-only", cl::init(false),
    cl::desc("escape: analyse and report, but do not rewrite"));

// Per-run state behind the services table.
struct Host {
  Module &M;
  FunctionAnalysisManager &FAM;
  DenseMap<const Function *, DenseMap<const Value *, std::string>> Names;

  Function &fn(LLVMValueRef V) {
    return *cast<Instruction>(unwrap(V))->getFunction();
  }
  const DenseMap<const Value *, std::string> &namesOf(Function &F);
};

void noteVariable(DenseMap<const Value *, std::string> &Out, DILocalVariable *Var,
                  Value *Loc) {
  if (Loc && Var && !Var->getName().empty() && !Out.count(Loc))
    Out[Loc] = Var->getName().str();
}

// Names of the values that debug records describe, built once per function.
const DenseMap<const Value *, std::string> &Host::namesOf(Function &F) {
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

bool remarksEnabled(void *, LLVMValueRef Fn) {
  LLVMContext &C = unwrap<Function>(Fn)->getContext();
  return C.getLLVMRemarkStreamer() ||
         C.getDiagHandlerPtr()->isAnyRemarkEnabled("escape");
}

template <typename R>
void emitWith(R &&Remark, const escape_remark_arg *Args, unsigned N,
              OptimizationRemarkEmitter &ORE) {
  for (unsigned I = 0; I < N; ++I) {
    if (Args[I].key)
      Remark << ore::NV(Args[I].key, Args[I].value);
    else
      Remark << Args[I].value;
  }
  ORE.emit(Remark);
}

void remark(void *Ctx, escape_remark_kind Kind, LLVMValueRef At, unsigned Line,
            const char *Name, const escape_remark_arg *Args, unsigned N) {
  auto *H = static_cast<Host *>(Ctx);
  Value *V = unwrap(At);
  if (auto *F = dyn_cast<Function>(V)) {
    auto &ORE = H->FAM.getResult<OptimizationRemarkEmitterAnalysis>(*F);
    DiagnosticLocation Loc(F->getSubprogram());
    if (DISubprogram *SP = F->getSubprogram(); SP && Line)
      Loc = DiagnosticLocation(DILocation::get(F->getContext(), Line, 0, SP));
    emitWith(OptimizationRemarkAnalysis("escape", Name, Loc, &F->getEntryBlock()),
             Args, N, ORE);
    return;
  }
  auto *I = cast<Instruction>(V);
  auto &ORE = H->FAM.getResult<OptimizationRemarkEmitterAnalysis>(*I->getFunction());
  if (Kind == ESCAPE_REMARK_PASSED)
    emitWith(OptimizationRemark("escape", Name, I), Args, N, ORE);
  else if (Kind == ESCAPE_REMARK_MISSED)
    emitWith(OptimizationRemarkMissed("escape", Name, I), Args, N, ORE);
  else
    emitWith(OptimizationRemarkAnalysis("escape", Name, I), Args, N, ORE);
}

unsigned copyName(const std::string &S, char *Buf, unsigned Cap) {
  if (S.empty() || S.size() + 1 > Cap)
    return 0;
  memcpy(Buf, S.c_str(), S.size() + 1);
  return (unsigned)S.size();
}

// A value's source name: its own debug record; for a load (at -O0), the
// variable it loads; for a value stored into a variable's slot, that slot's.
unsigned variableName(void *Ctx, LLVMValueRef Val, char *Buf, unsigned Cap) {
  auto *H = static_cast<Host *>(Ctx);
  Value *V = unwrap(Val);
  Function *F = isa<Instruction>(V)  ? cast<Instruction>(V)->getFunction()
                : isa<Argument>(V)   ? cast<Argument>(V)->getParent()
                                     : nullptr;
  if (!F)
    return 0;
  const auto &Names = H->namesOf(*F);
  auto Lookup = [&](const Value *X) -> unsigned {
    auto It = Names.find(X);
    return It == Names.end() ? 0 : copyName(It->second, Buf, Cap);
  };
  if (unsigned N = Lookup(V))
    return N;
  if (auto *C = dyn_cast<CastInst>(V))
    return variableName(Ctx, wrap(C->getOperand(0)), Buf, Cap);
  if (auto *L = dyn_cast<LoadInst>(V))
    return Lookup(L->getPointerOperand()->stripPointerCasts());
  for (User *U : V->users()) // at -O0: stored into the variable's own slot
    if (auto *S = dyn_cast<StoreInst>(U))
      if (S->getValueOperand() == V && isa<AllocaInst>(S->getPointerOperand()))
        if (unsigned N = Lookup(S->getPointerOperand()))
          return N;
  return 0;
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
          option(M, EscapeReportOnly, "escape.report-only"),
          EscapeStats.empty() ? nullptr : EscapeStats.c_str(), false};
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
  Add(Module::Max, "escape.report-only", C.report_only);
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
    Host H{M, FAM, DenseMap<const Function *, DenseMap<const Value *, std::string>>()};
    escape_services Services = {&H,       inCycle,   dominates, remark,
                                variableName, paramName, remarksEnabled, changed};
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
