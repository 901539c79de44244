/* escape.c — the driver: runs the stages over a module in three phases
 *   0. wrappers: a first, silent run finds the allocation wrappers whose
 *      calls may keep their memory in the caller, and inlines those calls
 *   1. summary (SCCs bottom-up) -> graph -> solve -> decide: each function's
 *      own verdicts, and what only its graph can explain (report)
 *   2. stack: what the stack can take, along call paths and cycles, after
 *      inlining, for the whole module
 *   3. report -> rewrite
 * and owns the module-wide state (include/escape/module.h). */
#define _POSIX_C_SOURCE 200809L /* open, write */
#include "escape/escape.h"

#include "escape/decide.h"
#include "escape/module.h"
#include "escape/report.h"
#include "escape/rewrite.h"
#include "escape/stack.h"
#include "escape/summary.h"
#include "escape/wrappers.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static unsigned attr_kind(const char *name) {
  return LLVMGetEnumAttributeKindForName(name, strlen(name));
}

const char *refusal_name(refusal r) {
  static const char *const names[] = {
      [REFUSE_NONE] = "moved",
      [REFUSE_ESCAPES] = "escapes",
      [REFUSE_REALLOC] = "realloc",
      [REFUSE_NONCONST_SIZE] = "non-constant-size",
      [REFUSE_ZERO_SIZE] = "zero-size",
      [REFUSE_OVERFLOW] = "size-overflow",
      [REFUSE_TOO_LARGE] = "too-large",
      [REFUSE_BAD_ALIGN] = "alignment",
      [REFUSE_FRAME_BUDGET] = "frame-budget",
      [REFUSE_STACK_BUDGET] = "stack-budget",
      [REFUSE_CYCLE_BUDGET] = "cycle-budget",
      [REFUSE_TAIL_CALL] = "tail-call",
      [REFUSE_FREED_WITH_OTHERS] = "freed-with-others",
      [REFUSE_FREED_WITH_KEPT] = "freed-with-kept",
      [REFUSE_FREED_BY_CALLEE] = "freed-by-callee",
      [REFUSE_FREE_INVOKE] = "freed-by-invoke",
      [REFUSE_LOOP] = "loop",
      [REFUSE_RECURSIVE] = "recursive",
      [REFUSE_RETURNS_TWICE] = "setjmp",
      [REFUSE_MUSTTAIL] = "musttail",
      [REFUSE_OPTNONE] = "optnone",
      [REFUSE_REPORT_ONLY] = "report-only",
      [REFUSE_INVOKE_PHI] = "invoke-phi",
      [REFUSE_ANALYSIS_BUDGET] = "analysis-budget",
      [REFUSE_ADDRSPACE] = "address-space",
  };
  return (unsigned)r < sizeof names / sizeof *names && names[r] ? names[r] : "?";
}

/* Appends "SOURCE<TAB>sites=N<TAB>moved=N<TAB>REASON=N...<TAB>moved-...=N" to the statistics
 * file, in one write, so that parallel compiles do not interleave lines. */
static void append_stats(const escape_module *m, const char *path) {
  unsigned counts[REFUSE_COUNT] = {0}, from_wrappers = 0, buffers = 0;
  for (uint32_t i = 0; i < m->nsites; i++) {
    const site *s = &m->sites[i];
    counts[s->verdict]++;
    if (s->verdict == REFUSE_NONE) {
      from_wrappers += s->from_wrapper;
      buffers += s->small_buffer;
    }
  }
  size_t len;
  const char *source = LLVMGetSourceFileName(m->module, &len);
  strbuf line = {0};
  strbuf_printf(&line, "%.*s\tsites=%u", (int)len, source, m->nsites);
  for (unsigned r = 0; r < REFUSE_COUNT; r++)
    if (counts[r] || r == REFUSE_NONE)
      strbuf_printf(&line, "\t%s=%u", refusal_name((refusal)r), counts[r]);
  /* of the moved: inlined from wrappers, and stack buffers for run-time sizes */
  if (from_wrappers)
    strbuf_printf(&line, "\tmoved-from-wrappers=%u", from_wrappers);
  if (buffers)
    strbuf_printf(&line, "\tmoved-buffers=%u", buffers);
  strbuf_printf(&line, "\tsolver-steps=%llu\tmax-steps-per-instruction=%llu",
                (unsigned long long)m->solver_steps, (unsigned long long)m->worst_steps);
  strbuf_printf(&line, "\n");
  int fd = open(path, O_WRONLY | O_CREAT | O_APPEND, 0644);
  if (fd < 0 || write(fd, line.data, line.len) != (ssize_t)line.len)
    fprintf(stderr, "escape: cannot append statistics to '%s'; check -escape-stats\n", path);
  if (fd >= 0)
    close(fd);
  strbuf_free(&line);
}

/* Stack slots replace malloc's pointers only where allocas live in address
 * space 0, as on x86-64 and AArch64 (the data layout says "A<n>" otherwise). */
static bool stack_in_address_space_0(LLVMModuleRef module) {
  const char *layout = LLVMGetDataLayoutStr(module);
  for (const char *p = layout; p && (p = strstr(p, "A")); p++)
    if ((p == layout || p[-1] == '-') && p[1] >= '1' && p[1] <= '9')
      return false;
  return true;
}

static void analyse_function(escape_module *m, graph *g) {
  decide_function(m, g);
  report_function(m, g);
}

/* Moves that the pass may not make, though the stack could take them. */
static void withhold_moves(escape_module *m) {
  for (uint32_t i = 0; i < m->nsites; i++) {
    site *s = &m->sites[i];
    if (s->verdict != REFUSE_NONE)
      continue;
    if (m->config->report_only)
      s->verdict = REFUSE_REPORT_ONLY;
    else if (!m->can_rewrite)
      s->verdict = REFUSE_ADDRSPACE;
  }
}

static void free_sites(escape_module *m) {
  for (uint32_t i = 0; i < m->nsites; i++) {
    free(m->sites[i].reason);
    free(m->sites[i].flow);
    free(m->sites[i].frees);
  }
  free(m->sites);
}

static void module_open(escape_module *m, LLVMModuleRef module, const escape_config *config,
                        const escape_services *services, escape_mode mode) {
  *m = (escape_module){.module = module,
                       .context = LLVMGetModuleContext(module),
                       .config = config,
                       .services = services,
                       .mode = mode};
  /* Kinds that do not exist in this LLVM (captures before 21, nocapture
   * from 21) come back as 0 and are skipped. */
  m->attrs = (attr_kinds){.nocapture = attr_kind("nocapture"),
                          .captures = attr_kind("captures"),
                          .returned = attr_kind("returned"),
                          .readonly = attr_kind("readonly"),
                          .readnone = attr_kind("readnone"),
                          .memory = attr_kind("memory")};
  m->md_reported = LLVMGetMDKindIDInContext(m->context, "escape.reported", 15);
  m->md_inexact = LLVMGetMDKindIDInContext(m->context, "escape.inexact", 14);
  m->md_slot = LLVMGetMDKindIDInContext(m->context, "escape.slot", 11);
  m->md_wrapper = LLVMGetMDKindIDInContext(m->context, "escape.wrapper", 14);
  m->can_rewrite = stack_in_address_space_0(module);
}

static void module_close(escape_module *m) {
  ptrmap_free(&m->numbering);
  summary_free(m);
  free_sites(m);
}

static bool wants_report(const escape_module *m) {
  if (m->mode == ESCAPE_MODE_PRINT || m->config->m > 0)
    return true;
  for (LLVMValueRef fn = LLVMGetFirstFunction(m->module); fn; fn = LLVMGetNextFunction(fn))
    if (!LLVMIsDeclaration(fn) && m->services->remarks_enabled &&
        m->services->remarks_enabled(m->services->ctx, fn))
      return true;
  return false;
}

/* The run before the analysis (wrappers.h): calls to allocation wrappers
 * whose memory may stay in the caller are inlined, silently. */
static bool inline_wrappers(LLVMModuleRef module, const escape_config *config,
                            const escape_services *services) {
  escape_module w;
  module_open(&w, module, config, services, ESCAPE_MODE_TRANSFORM);
  w.finding_wrappers = true;
  summary_init(&w);
  summary_run(&w, decide_function);
  decide_groups(&w);
  bool inlined = wrappers_inline(&w);
  module_close(&w);
  return inlined;
}

bool escape_run_module(LLVMModuleRef module, const escape_config *config,
                       const escape_services *services, escape_mode mode) {
  escape_module m;
  module_open(&m, module, config, services, mode);
  m.report_all = wants_report(&m);
  summary_mark_inline_definitions(&m);
  bool inlined = mode == ESCAPE_MODE_TRANSFORM && config->wrappers &&
                 !config->report_only && m.can_rewrite && wrappers_possible(module) &&
                 inline_wrappers(module, config, services);
  summary_init(&m);
  summary_run(&m, analyse_function);
  decide_groups(&m);
  stack_decide(&m);
  decide_groups(&m);
  withhold_moves(&m);
  report_sites(&m);
  if (m.mode == ESCAPE_MODE_TRANSFORM)
    rewrite_sites(&m);
  report_flush(&m);
  if (config->stats_file && *config->stats_file)
    append_stats(&m, config->stats_file);
  module_close(&m);
  return m.changed || inlined;
}
