#!/usr/bin/env python3
"""One adversarial program against escape, for one LLVM major.

Each program is a plausible C program written to make escape move memory that
outlives its frame, or grow a stack past what the program can take. It prints
a result and exits 0. This builds it

  ref        clang -O2, no plugin: the reference output
  O1, O2     with the plugin
  asan       with the plugin, -O1, AddressSanitizer, use-after-return always
             (judged only where ASan without the plugin agrees with ref:
             stack-depth programs change with ASan's frames)
  lto, thinlto   (programs marked RT-LTO) plugin at compile and link, lld
  teeth-O2, teeth-asan   no plugin, -DFORCE_STACK: the program's ALLOC macro
             does what a wrong move would do (memory in the frame, no free)

and fails if any plugin build differs from the reference, or if neither
teeth build does (a program that cannot catch a wrong move proves nothing).

Directives in the program, in comments:
  RT-FLAGS: ...      flags for every compile and link (-pthread)
  RT-LIBS: ...       link flags (-ldl)
  RT-SO: ...         Inputs/NAME_so.c is a shared library built with these flags
  RT-PRELOAD         Inputs/NAME_pre.c is LD_PRELOADed into every run
  RT-LTO             also the lto and thinlto builds
  RT-TIMEOUT: N      seconds per run (30)
  RT-TEETHFLAGS: ... flags for the teeth builds only
Second files are Inputs/NAME_b.c (and Inputs/NAME_wrap_b.c style names).

  run.py --major 22 --plugin build-22/libescape.so --work DIR test.c
"""
import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

ASAN = ["-fsanitize=address", "-fsanitize-address-use-after-return=always"]


def directive(text, key):
    m = re.search(r"RT-%s:[ \t]*([^*\n]*)" % key, text)
    return shlex.split(re.sub(r"\s+RT-.*", "", m.group(1)).strip()) if m else []


def has(text, key):
    return re.search(r"RT-%s\b" % key, text) is not None


class Case:
    def __init__(self, args):
        self.src = os.path.abspath(args.source)
        self.name = os.path.splitext(os.path.basename(self.src))[0]
        self.inputs = os.path.join(os.path.dirname(self.src), "Inputs")
        self.text = open(self.src).read()
        self.clang = os.path.join(args.llvm_bin, "clang")
        self.plugin = args.plugin
        self.major = args.major
        self.work = args.work
        self.flags = directive(self.text, "FLAGS")
        self.libs = directive(self.text, "LIBS")
        self.timeout = int((directive(self.text, "TIMEOUT") or ["30"])[0])

    def input(self, suffix):
        path = os.path.join(self.inputs, self.name + suffix + ".c")
        return path if os.path.exists(path) else None

    def plugin_flags(self):
        # clang before 22 knows -mllvm -escape-* only with -fplugin= too
        flags = ["-fpass-plugin=" + self.plugin]
        if int(self.major) < 22:
            flags.append("-fplugin=" + self.plugin)
        return flags

    def options(self, kind):
        p = self.plugin_flags()
        teeth = ["-DFORCE_STACK"] + directive(self.text, "TEETHFLAGS")
        return {
            "ref": ["-O2"], "refasan": ["-O1"] + ASAN,
            "O1": ["-O1"] + p, "O2": ["-O2"] + p, "asan": ["-O1"] + p + ASAN,
            "lto": ["-O2"] + p, "thinlto": ["-O2"] + p,
            "teeth-O2": ["-O2"] + teeth, "teeth-asan": ["-O1"] + teeth + ASAN,
        }[kind]

    def compile(self, args, log):
        r = subprocess.run([self.clang, "-g"] + args, capture_output=True, text=True)
        log.append(" ".join(args) + "\n" + r.stdout + r.stderr)
        return r.returncode == 0

    def build(self, kind, log):
        d = os.path.join(self.work, kind + ".d")
        shutil.rmtree(d, ignore_errors=True)
        os.makedirs(d)
        opt = self.options(kind)
        srcs = [self.src] + [s for s in [self.input("_b")] if s]
        shared = []
        so = self.input("_so")
        if so:
            lib = os.path.join(d, "lib%s_so.so" % self.name)
            if not self.compile(opt + self.flags + directive(self.text, "SO") +
                                ["-fPIC", "-shared", so, "-o", lib] + self.libs, log):
                return None
            shared = ["-L" + d, "-l%s_so" % self.name, "-Wl,-rpath," + d]
        exe = os.path.join(self.work, kind)
        if kind in ("lto", "thinlto"):
            lto = "-flto" if kind == "lto" else "-flto=thin"
            objs = []
            for s in srcs:
                obj = os.path.join(d, os.path.basename(s) + ".o")
                if not self.compile(opt + [lto] + self.flags + ["-c", s, "-o", obj], log):
                    return None
                objs.append(obj)
            if not self.compile(["-O2", lto, "-fuse-ld=lld",
                                 "-Wl,--load-pass-plugin=" + self.plugin] + self.flags +
                                objs + shared + ["-o", exe] + self.libs, log):
                return None
        elif not self.compile(opt + self.flags + srcs + shared + ["-o", exe] + self.libs, log):
            return None
        pre = self.input("_pre")
        if pre and not self.compile(["-O2", "-fPIC", "-shared"] + self.flags +
                                    [pre, "-o", exe + ".pre.so"] + self.libs, log):
            return None
        return exe

    def run(self, exe):
        env = dict(os.environ, ASAN_OPTIONS="detect_stack_use_after_return=1:detect_leaks=0")
        if os.path.exists(exe + ".pre.so"):
            env["LD_PRELOAD"] = exe + ".pre.so"
        try:
            r = subprocess.run([exe], cwd=self.work, capture_output=True, text=True,
                               timeout=self.timeout, env=env, stdin=subprocess.DEVNULL,
                               errors="replace")
            out, code, err = r.stdout, r.returncode, r.stderr
        except subprocess.TimeoutExpired:
            out, code, err = "", "timeout", ""
        asan = "ASAN\n" if "ERROR: AddressSanitizer" in err else ""
        return "%src=%s\n%s" % (out, code, asan)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--major", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--llvm-bin", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("source")
    case = Case(ap.parse_args())
    shutil.rmtree(case.work, ignore_errors=True)
    os.makedirs(case.work)
    log, results = [], {}
    for kind in ["ref", "refasan"]:
        exe = case.build(kind, log)
        if not exe:
            sys.exit("%s: the %s build failed:\n%s" % (case.name, kind, log[-1]))
        results[kind] = case.run(exe)
    if not results["ref"].endswith("rc=0\n"):
        sys.exit("%s: the reference does not exit 0:\n%s" % (case.name, results["ref"]))
    kinds = ["O1", "O2", "asan"] + (["lto", "thinlto"] if has(case.text, "LTO") else [])
    broken = []
    for kind in kinds:
        if kind == "asan" and results["refasan"] != results["ref"]:
            continue  # ASan's frames change what a stack-depth program can do
        exe = case.build(kind, log)
        results[kind] = case.run(exe) if exe else "(build failed)\n" + log[-1]
        if results[kind] != results["ref"]:
            broken.append(kind)
    teeth = []
    for kind in ["teeth-O2", "teeth-asan"]:
        exe = case.build(kind, log)
        if exe:
            results[kind] = case.run(exe)
            teeth.append(results[kind] != results["ref"])
    for kind in broken:
        print("%s: LLVM %s %s differs from the reference\n--- reference\n%s--- %s\n%s"
              % (case.name, case.major, kind, results["ref"], kind, results[kind]))
    if not any(teeth):
        print("%s: no teeth: forcing the allocation into the frame changes nothing"
              % case.name)
    if broken or not any(teeth):
        sys.exit(1)
    print("%s: LLVM %s: %s agree with the reference; the teeth build breaks"
          % (case.name, case.major, ", ".join(k for k in kinds if k in results)))


if __name__ == "__main__":
    main()
