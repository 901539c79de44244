/* escape.c — the driver: runs the stages over a module in order
 *   summary (SCCs bottom-up) -> graph -> solve -> decide -> report -> rewrite
 * and owns the module-wide state (include/escape/module.h). */
#include "escape/escape.h"

#include "escape/decide.h"
#include "escape/module.h"
#include "escape/report.h"
#include "escape/rewrite.h"
#include "escape/summary.h"

#include <stdlib.h>
#include <string.h>

static unsigned attr_kind(const char *name) {
  return LLVMGetEnumAttributeKindForName(name, strlen(name));
}

static void finish_function(escape_module *m, graph *g) {
  decide_function(m, g);
  report_function(m, g);
  if (m->mode != ESCAPE_MODE_TRANSFORM || !rewrite_function(m, g))
    return;
  m->changed = true;
  if (m->services->changed)
    m->services->changed(m->services->ctx, g->fn);
}

bool escape_run_module(LLVMModuleRef module, const escape_config *config,
                       const escape_services *services, escape_mode mode) {
  escape_module m = {.module = module,
                     .context = LLVMGetModuleContext(module),
                     .config = config,
                     .services = services,
                     .mode = mode};
  /* Kinds that do not exist in this LLVM (captures before 21, nocapture
   * from 21) come back as 0 and are skipped. */
  m.attrs = (attr_kinds){.nocapture = attr_kind("nocapture"),
                         .captures = attr_kind("captures"),
                         .readonly = attr_kind("readonly"),
                         .readnone = attr_kind("readnone"),
                         .memory = attr_kind("memory"),
                         .returned = attr_kind("returned"),
                         .byval = attr_kind("byval")};
  m.md_reported = LLVMGetMDKindIDInContext(m.context, "escape.reported", 15);
  summary_init(&m);
  summary_run(&m, finish_function);
  report_flush(&m);
  ptrmap_free(&m.numbering);
  summary_free(&m);
  free(m.sites);
  return m.changed;
}
