#!/usr/bin/env python3
"""Generates a large module of allocating functions, as LLVM IR or as C.

Every function has SITES allocation sites, in four patterns that repeat:
  0  used locally and freed                       -> moved
  1  passed to a reader defined in the module     -> moved
  2  linked from the previous site's object       -> moved (never escapes)
  3  stored into a global                         -> escapes
so three sites in four are moved. Functions also call the function before
them, so the call graph is a chain that summaries must walk.

  genmodule.py --functions 20000 --sites 5 [--lang c|ll] > big.ll
  genmodule.py --lang c --stack ...   # the same C with patterns 0-2 as locals
  genmodule.py --wide pairs 4000 > wide.ll  # one function of 4000 pairs of
                                       # sites freed together (see wide())
"""
import argparse
import sys


def ir(functions, sites, out):
    w = out.write
    w("declare noalias ptr @malloc(i64)\ndeclare void @free(ptr)\n")
    w("@sink = global ptr null\n\n")
    w("define internal i64 @reader(ptr %p) noinline {\n"
      "  %v = load i64, ptr %p\n  ret i64 %v\n}\n\n")
    for f in range(functions):
        w(f"define dso_local i64 @f{f}(i64 %x) {{\nentry:\n")  # as in an executable
        prev = None
        acc = "%x"
        for s in range(sites):
            p = f"%p{s}"
            w(f"  {p} = call ptr @malloc(i64 16)\n")
            w(f"  store i64 {s}, ptr {p}\n")
            kind = s % 4
            if kind == 0:
                w(f"  %v{s} = load i64, ptr {p}\n")
                w(f"  %a{s} = add i64 {acc}, %v{s}\n")
                w(f"  call void @free(ptr {p})\n")
                acc = f"%a{s}"
            elif kind == 1:
                w(f"  %v{s} = call i64 @reader(ptr {p})\n")
                w(f"  %a{s} = add i64 {acc}, %v{s}\n")
                w(f"  call void @free(ptr {p})\n")
                acc = f"%a{s}"
            elif kind == 2:
                if prev is not None:
                    w(f"  %n{s} = getelementptr i8, ptr {prev}, i64 8\n")
                    w(f"  store ptr {p}, ptr %n{s}\n")
            else:
                w(f"  store ptr {p}, ptr @sink\n")
            if kind in (2,):
                prev = p
        if f > 0:
            w(f"  %c = call i64 @f{f - 1}(i64 {acc})\n")
            acc = "%c"
        w(f"  ret i64 {acc}\n}}\n\n")


def wide(shape, count, out):
    """One function that grows, in one of three shapes that each stage must
    handle in time linear in the sites of one function, not only in the
    functions of a module:
      pairs     sites in pairs freed through a select (groups, decide.c)
      wrappers  calls of a small wrapper, all in one block (inlined, wrappers.c)
      sizes     run-time sizes behind unrelated branches (bounds, decide.c)"""
    w = out.write
    w("declare noalias ptr @malloc(i64)\ndeclare void @free(ptr)\n"
      "declare void @abort() noreturn\n\n")
    if shape == "wrappers":
        w("define internal ptr @xmalloc(i64 %n) {\n  %p = call ptr @malloc(i64 %n)\n"
          "  %null = icmp eq ptr %p, null\n  br i1 %null, label %die, label %ok\n"
          "die:\n  call void @abort()\n  unreachable\nok:\n  ret ptr %p\n}\n\n")
    w("define i64 @wide(i1 %c, i64 %n) {\nentry:\n")
    for i in range(count):
        if shape == "pairs":
            w(f"  %a{i} = call ptr @malloc(i64 16)\n  %b{i} = call ptr @malloc(i64 32)\n"
              f"  %p{i} = select i1 %c, ptr %a{i}, ptr %b{i}\n")
        elif shape == "wrappers":
            w(f"  %p{i} = call ptr @xmalloc(i64 16)\n")
        else:
            w(f"  br i1 %c, label %t{i}, label %j{i}\nt{i}:\n  br label %j{i}\nj{i}:\n"
              f"  %s{i} = add i64 %n, {i}\n  %p{i} = call ptr @malloc(i64 %s{i})\n")
        w(f"  store i64 {i}, ptr %p{i}\n  call void @free(ptr %p{i})\n")
    w("  ret i64 0\n}\n")


def c(functions, sites, out, stack=False):
    """With stack=True, the sites that never escape (patterns 0-2) are
    written as locals: the code the plugin should turn the heap version into,
    for comparing compile times of the same program written both ways."""
    w = out.write
    w("#include <stdlib.h>\n\nstruct cell { long value; struct cell *next; };\n")
    w("struct cell *sink;\n\n")
    w("static __attribute__((noinline)) long reader(const struct cell *c) {\n"
      "  return c->value;\n}\n\n")
    for f in range(functions):
        w(f"long f{f}(long x) {{\n  long acc = x;\n  struct cell *prev = 0;\n")
        for s in range(sites):
            p = f"p{s}"
            kind = s % 4
            local = stack and kind != 3
            if local:
                w(f"  struct cell {p}_local, *{p} = &{p}_local;\n")
            else:
                w(f"  struct cell *{p} = malloc(sizeof *{p});\n")
            w(f"  {p}->value = {s};\n  {p}->next = 0;\n")
            release = "" if local else f"  free({p});\n"
            if kind == 0:
                w(f"  acc += {p}->value;\n{release}")
            elif kind == 1:
                w(f"  acc += reader({p});\n{release}")
            elif kind == 2:
                w(f"  if (prev) prev->next = {p};\n  prev = {p};\n")
            else:
                w(f"  sink = {p};\n")
        if f > 0:
            w(f"  acc = f{f - 1}(acc);\n")
        w("  return acc;\n}\n\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--functions", type=int, default=1000)
    ap.add_argument("--sites", type=int, default=8)
    ap.add_argument("--lang", choices=["ll", "c"], default="ll")
    ap.add_argument("--stack", action="store_true",
                    help="C only: write the sites that do not escape as locals")
    ap.add_argument("--wide", nargs=2, metavar=("SHAPE", "N"),
                    help="IR only: one function of N sites (pairs, wrappers, sizes)")
    args = ap.parse_args()
    if args.wide:
        wide(args.wide[0], int(args.wide[1]), sys.stdout)
    elif args.lang == "ll":
        ir(args.functions, args.sites, sys.stdout)
    else:
        c(args.functions, args.sites, sys.stdout, args.stack)


if __name__ == "__main__":
    main()
