/* rewrite.h — turns the sites decided "move" into stack slots. */
#ifndef ESCAPE_REWRITE_H
#define ESCAPE_REWRITE_H

#include "escape/module.h"

/* Rewrites every site whose verdict is REFUSE_NONE; sets m->changed. */
void rewrite_sites(escape_module *m);

#endif
