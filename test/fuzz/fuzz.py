#!/usr/bin/env python3
"""Differential fuzzing of escape: random programs (gen.py) built without the
plugin and with it, at several optimization levels and LLVM majors, and under
AddressSanitizer with use-after-return detection; every build must print what
the reference prints, and the sanitizer must stay silent.

  fuzz.py --seeds 1:1000                 # seeds 1..999, all installed majors
  fuzz.py --seeds 1:20 --majors 22 --levels O2 --no-asan
  fuzz.py --seeds 7:8 --keep /tmp/seed7  # keep the program and binaries

Ends with "fuzz: N passed, N failed" (a seed passes when all its builds agree)
and the number of allocation sites moved and kept, so that we know the
generator exercises the rewrite. Exit status 1 on any difference.
"""
import argparse
import concurrent.futures as cf
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GEN = os.path.join(ROOT, "test", "fuzz", "gen.py")


def run(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, **kw)


def tools(major, plugin_dir):
    clang = f"/usr/lib/llvm-{major}/bin/clang"
    plugin = os.path.join(plugin_dir or ROOT, f"build-{major}", "libescape.so")
    return clang, plugin


def one_seed(seed, args):
    work = args.keep or tempfile.mkdtemp(prefix=f"escape-fuzz-{seed}-")
    os.makedirs(work, exist_ok=True)
    problems, moved, kept = [], 0, 0
    try:
        src = os.path.join(work, "prog.c")
        with open(src, "w") as f:
            f.write(run([sys.executable, GEN, str(seed)]).stdout)
        ref_clang, _ = tools(args.majors[-1], args.plugin_dir)
        ref = os.path.join(work, "ref")
        b = run([ref_clang, "-O0", "-w", src, "-o", ref])
        if b.returncode:
            return seed, [f"reference build failed: {b.stderr[:300]}"], 0, 0
        expected = run([ref]).stdout
        builds = []
        for major in args.majors:
            for level in args.levels:
                builds.append((major, level, False))
            if args.asan:
                builds.append((major, "O1", True))
        for major, level, asan in builds:
            clang, plugin = tools(major, args.plugin_dir)
            name = f"llvm{major}-{level}{'-asan' if asan else ''}"
            exe = os.path.join(work, name)
            # counts come from -escape-stats, not -escape-m: reporting makes
            # the pass analyse every function, and the builds should run the
            # pass as users do
            stats = exe + ".stats"
            cmd = [clang, f"-{level}", "-w", f"-fpass-plugin={plugin}", f"-fplugin={plugin}",
                   "-mllvm", f"-escape-stats={stats}", src, "-o", exe]
            if asan:
                cmd += ["-g", "-fsanitize=address", "-fsanitize-address-use-after-return=always"]
            b = run(cmd)
            if b.returncode:
                problems.append(f"{name}: build failed: {b.stderr[-400:]}")
                continue
            if level == "O2" and not asan and major == args.majors[-1]:
                with open(stats) as f:
                    counts = dict(kv.split("=") for kv in f.read().split("\t")[1:])
                sites = int(counts.get("sites", 0))
                moved += int(counts.get("moved", 0))
                kept += sites - int(counts.get("moved", 0))
            env = dict(os.environ, ASAN_OPTIONS="detect_leaks=0:detect_stack_use_after_return=1")
            r = run([exe], env=env)
            if r.returncode or r.stdout != expected:
                problems.append(f"{name}: exit {r.returncode}, printed {r.stdout.strip()!r}, "
                                f"expected {expected.strip()!r} {r.stderr[-600:]}")
    except subprocess.TimeoutExpired as e:
        problems.append(f"timeout: {e.cmd}")
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return seed, problems, moved, kept


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="1:11", help="FIRST:END, END excluded")
    ap.add_argument("--majors", nargs="+", default=None)
    ap.add_argument("--levels", nargs="+", default=["O0", "O1", "O2"])
    ap.add_argument("--no-asan", dest="asan", action="store_false")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--keep", help="keep the files of a single seed here")
    ap.add_argument("--plugin-dir", help="directory holding build-19/ and build-22/")
    ap.add_argument("--progress", type=int, default=0, metavar="N",
                    help="print a progress line every N seeds")
    args = ap.parse_args()
    if args.majors is None:
        args.majors = [m for m in ("19", "22")
                       if os.path.exists(tools(m, args.plugin_dir)[1])]
    if not args.majors:
        sys.exit("fuzz: no plugin built; run make build first")
    first, end = (int(x) for x in args.seeds.split(":"))
    failed, moved, kept = [], 0, 0
    with cf.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        for done, (seed, problems, m, k) in enumerate(
                pool.map(lambda s: one_seed(s, args), range(first, end)), 1):
            moved += m
            kept += k
            if args.progress and done % args.progress == 0:
                print(f"fuzz: {done} seeds done, {len(failed)} different, "
                      f"{moved} moved, {kept} kept", flush=True)
            if problems:
                failed.append(seed)
                print(f"seed {seed}: DIFFERENT (reproduce: test/fuzz/fuzz.py --seeds {seed}:{seed + 1} --keep /tmp/seed{seed})")
                for p in problems:
                    print(f"  {p}")
    total = end - first
    builds = len(args.majors) * (len(args.levels) + (1 if args.asan else 0))
    print(f"fuzz: seeds {first}..{end - 1}, {builds} plugin builds each (LLVM {' '.join(args.majors)}, "
          f"{' '.join(args.levels)}{', ASan' if args.asan else ''})")
    print(f"fuzz: sites at -O2: {moved} moved, {kept} kept on the heap")
    print(f"fuzz: {total - len(failed)} passed, {len(failed)} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
