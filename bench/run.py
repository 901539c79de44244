#!/usr/bin/env python3
"""escape's benchmarks: one command, one table (see bench/README.md).

  bench/run.py                      # everything, newest installed LLVM
  bench/run.py --only runtime       # runtime | compile | scaling | realcode
  bench/run.py --compile-files sqlite3.c lua/*.c   # add real C files to the compile-time table

Run time: each microbenchmark (bench/micro.c) built three ways, side by side
in one run: plain -O2 (heap), -O2 with the plugin, and a hand-written stack
version (the physical limit); the builds take turns benchmark by benchmark,
and ns/op is the median over 7 such rounds of the fastest of 5 repetitions; heap
allocations per op are counted with an LD_PRELOAD counter (bench/alloccount.c).
Compile time: clang -O2 with and without the plugin on a large generated C
file (and on any files named), the fastest of 5 interleaved runs, with the
escape pass's own share from -ftime-report; the generated file is also
compiled written with locals (what the plugin turns it into). Where valgrind
is installed, the same comparison in instructions executed, which do not
vary from run to run. Scaling: the analysis alone
(the escape row of opt -time-passes) on modules of 1x, 10x and 100x the
allocation sites, and the peak RSS of opt with and without the pass.
Real code: every translation unit of nginx, expat and libxml2 (Debian's
sources), plain against -escape-m=1 (bench/realcode.py).
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, "bench")


def major():
    for m in ("22", "19"):
        if os.path.exists(os.path.join(ROOT, f"build-{m}", "libescape.so")):
            return m
    sys.exit("bench: no plugin built; run make build first")


def sh(cmd, **kw):
    kw.setdefault("stdout", subprocess.PIPE)
    r = subprocess.run(cmd, stderr=subprocess.PIPE, text=True, **kw)
    if r.returncode:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{r.stderr[-2000:]}")
    return r


def timed(cmd):
    """Wall time and peak RSS (KiB) of one command."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    if status:
        sys.exit(f"bench: {' '.join(cmd)} failed")
    return time.perf_counter() - t0, usage.ru_maxrss


def machine():
    cpu = platform.processor() or "?"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def runtime(m, tmp, iterations, rounds):
    clang = f"/usr/lib/llvm-{m}/bin/clang"
    plugin = os.path.join(ROOT, f"build-{m}", "libescape.so")
    src = os.path.join(BENCH, "micro.c")
    exes = {}
    for name, flags in (("heap", []), ("plugin", [f"-fpass-plugin={plugin}"]),
                        ("stack", ["-DHAND_STACK"])):
        exes[name] = os.path.join(tmp, f"micro-{name}")
        sh([clang, "-O2", *flags, src, "-o", exes[name]])
    counter = os.path.join(tmp, "alloccount.so")
    sh([clang, "-O2", "-shared", "-fPIC", os.path.join(BENCH, "alloccount.c"), "-o", counter, "-ldl"])
    names = [line.split("\t")[0] for line in sh([exes["heap"], "1"]).stdout.splitlines()]
    # Rounds interleave the three builds benchmark by benchmark, so that a
    # slow minute on a shared machine hits all three alike.
    samples = {}
    for _ in range(rounds):
        for i, bench in enumerate(names):
            for name, exe in exes.items():
                ns = float(sh([exe, str(iterations), str(i)]).stdout.split("\t")[1])
                samples.setdefault(bench, {}).setdefault(name, []).append(ns)
    results = {b: {n: statistics.median(v) for n, v in r.items()} for b, r in samples.items()}
    allocs = {}
    env = dict(os.environ, LD_PRELOAD=counter)
    per = 1000
    for name, exe in exes.items():
        base = int(sh([exe, "0"], env=env).stderr.split()[-1])
        for i, bench in enumerate(results):
            n = int(sh([exe, str(per), str(i)], env=env).stderr.split()[-1])
            allocs.setdefault(bench, {})[name] = (n - base) / (5 * per)
    sizes = {name: code_sizes(m, exe) for name, exe in exes.items()}
    functions = bench_functions(src)
    print(f"\nRun time (ns/op: median of {rounds} interleaved rounds, each the fastest of "
          f"5 x {iterations} calls; LLVM {m}); code size: bytes of the benchmark's function")
    head = (f"{'benchmark':34} {'heap':>8} {'plugin':>8} {'stack':>8} {'plugin/stack':>12} "
            f"{'heap/plugin':>11}   allocs/op heap/plugin/stack   code size heap/plugin/stack")
    print(head)
    print("-" * len(head))
    for bench, r in results.items():
        a = allocs[bench]
        fn = functions.get(bench)
        code = " / ".join(str(sizes[n].get(fn, "?")) for n in ("heap", "plugin", "stack"))
        print(f"{bench:34} {r['heap']:8.2f} {r['plugin']:8.2f} {r['stack']:8.2f} "
              f"{r['plugin'] / r['stack']:11.2f}x {r['heap'] / r['plugin']:10.2f}x   "
              f"{a['heap']:.0f} / {a['plugin']:.0f} / {a['stack']:.0f}{'':15}{code}")


def bench_functions(src):
    """Benchmark name -> the C function that runs it, from micro.c's table."""
    import re
    with open(src) as f:
        return dict(re.findall(r'\{"([^"]+)", (\w+)\}', f.read()))


def code_sizes(m, exe):
    """Function -> bytes of machine code in an executable (llvm-nm)."""
    out = sh([f"/usr/lib/llvm-{m}/bin/llvm-nm", "--print-size", "--defined-only", exe]).stdout
    sizes = {}
    for line in out.splitlines():
        fields = line.split()
        if len(fields) == 4 and fields[2] in "tT":
            sizes[fields[3]] = int(fields[1], 16)
    return sizes


def escape_row(report, column):
    """Seconds in one column of the escape pass's row of an LLVM timing
    report (columns: user, system, user+system, wall)."""
    for line in report.splitlines():
        if line.rstrip().endswith("  escape"):
            return float(line.split(")")[column].split("(")[0])
    return 0.0


def escape_share(cmd):
    """The escape pass's share of one compile's wall time, from -ftime-report."""
    t0 = time.perf_counter()
    report = sh(cmd + ["-ftime-report"]).stderr
    return escape_row(report, 3) / (time.perf_counter() - t0)


def instructions(cmd, tmp):
    """Instructions executed by a command and, inside it, by the escape pass
    (valgrind's callgrind: deterministic, unlike time on a shared machine)."""
    out = os.path.join(tmp, "callgrind.out")
    sh(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd])
    annotated = sh(["callgrind_annotate", "--inclusive=yes", "--threshold=100", out]).stdout
    total = own = 0
    for line in annotated.splitlines():
        fields = line.split()
        if not fields or not fields[0][0].isdigit():
            continue
        count = int(fields[0].replace(",", ""))
        if "PROGRAM TOTALS" in line:
            total = count
        elif ":escape_run_module " in line:
            own = count
    return total, own


def generate(tmp, name, functions, *flags):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        sh([sys.executable, os.path.join(BENCH, "genmodule.py"), "--lang", "c",
            "--functions", str(functions), "--sites", "6", *flags], stdout=f)
    return path


def compile_time(m, tmp, files, functions, count_instructions):
    clang = f"/usr/lib/llvm-{m}/bin/clang"
    plugin = f"-fpass-plugin={os.path.join(ROOT, f'build-{m}', 'libescape.so')}"
    gen = generate(tmp, "generated.c", functions)
    gen_stack = generate(tmp, "generated-locals.c", functions, "--stack")
    label = {gen: f"generated ({functions} functions)",
             gen_stack: "  the same, written with locals"}
    print(f"\nCompile time (clang -O2 -c, fastest of 5 interleaved runs; LLVM {m})")
    head = (f"{'file':36} {'lines':>7} {'without':>9} {'with':>9} {'overhead':>9} "
            f"{'escape pass':>12}")
    print(head)
    print("-" * len(head))
    for path in [gen, gen_stack, *files]:
        lines = sum(1 for _ in open(path, errors="replace"))
        base = [clang, "-O2", "-w", "-c", path, "-o", os.devnull]
        runs = {"without": [], "with": []}
        for _ in range(5):
            runs["without"].append(timed(base)[0])
            runs["with"].append(timed(base + [plugin])[0])
        without, with_ = min(runs["without"]), min(runs["with"])
        name = label.get(path, os.path.basename(path))
        if path == gen_stack:  # nothing for the pass to do: the reference
            print(f"{name:36} {lines:7} {without:8.2f}s")
            continue
        share = escape_share(base + [plugin])
        print(f"{name:36} {lines:7} {without:8.2f}s {with_:8.2f}s "
              f"{100 * (with_ - without) / without:8.1f}% {100 * share:11.2f}%")
    if not count_instructions:
        return
    small = max(functions // 10, 1)
    gen = generate(tmp, "generated-small.c", small)
    gen_stack = generate(tmp, "generated-small-locals.c", small, "--stack")
    print(f"\nInstructions executed by clang -O2 -c (valgrind callgrind; LLVM {m})")
    head = (f"{'file':36} {'without':>10} {'with':>10} {'overhead':>9} {'escape pass':>12} "
            f"{'with locals':>12} {'with/locals':>12}")
    print(head)
    print("-" * len(head))
    for path in [gen, *files]:
        base = [clang, "-O2", "-w", "-c", path, "-o", os.devnull]
        without, _ = instructions(base, tmp)
        with_, own = instructions(base + [plugin], tmp)
        row = (f"{without / 1e6:9.0f}M {with_ / 1e6:9.0f}M "
               f"{100 * (with_ - without) / without:8.2f}% {100 * own / with_:11.2f}%")
        if path == gen:
            locals_, _ = instructions([clang, "-O2", "-w", "-c", gen_stack, "-o", os.devnull], tmp)
            row += f" {locals_ / 1e6:11.0f}M {with_ / locals_:11.3f}x"
            name = f"generated ({small} functions)"
        else:
            name = os.path.basename(path)
        print(f"{name:36} {row}")


def scaling(m, tmp, base_functions, count_instructions):
    opt = f"/usr/lib/llvm-{m}/bin/opt"
    plugin = os.path.join(ROOT, f"build-{m}", "libescape.so")
    print(f"\nScaling: the analysis alone (the escape row of opt -time-passes, user+system, "
          f"median of 5; LLVM {m})")
    head = (f"{'size':6} {'sites':>8} {'analysis':>10} {'growth':>8} {'per site':>10} "
            f"{'RSS no-op':>10} {'RSS escape':>11}")
    if count_instructions:  # the 100x module would take minutes under valgrind
        head += f" {'instructions (1x, 10x)':>23} {'growth':>7}"
    print(head)
    print("-" * len(head))
    prev = prev_count = None
    for scale in (1, 10, 100):
        ll = os.path.join(tmp, f"scale{scale}.ll")
        with open(ll, "w") as f:
            sh([sys.executable, os.path.join(BENCH, "genmodule.py"), "--functions",
                str(base_functions * scale), "--sites", "8"], stdout=f)
        bc = ll[:-3] + ".bc"
        sh([f"/usr/lib/llvm-{m}/bin/llvm-as", ll, "-o", bc])
        escape = [opt, f"-load-pass-plugin={plugin}", "-passes=escape", "-disable-output", bc]
        t = statistics.median(escape_row(sh(escape + ["-time-passes"]).stderr, 2)
                              for _ in range(5))
        rss_noop = timed([opt, "-passes=no-op-module", "-disable-output", bc])[1]
        rss_escape = timed(escape)[1]
        sites = base_functions * scale * 8
        growth = f"{t / prev:7.1f}x" if prev else "      -"
        row = (f"{scale:5}x {sites:8} {t:9.3f}s {growth} {1e6 * t / sites:8.2f}us "
               f"{rss_noop / 1024:8.0f}MB {rss_escape / 1024:9.0f}MB")
        if count_instructions and scale <= 10:
            count = instructions(escape, tmp)[1]
            row += f" {count / 1e6:22.1f}M"
            row += f" {count / prev_count:6.2f}x" if prev_count else "       -"
            prev_count = count
        print(row)
        prev = t
    wide(m, tmp, opt, plugin)


def wide(m, tmp, opt, plugin):
    """One function that grows (genmodule.py --wide): sites freed in pairs,
    wrapper calls in one block, run-time sizes among branches. The growth
    column should stay near 10x."""
    print(f"\nOne function of N sites (escape row, median of 5; LLVM {m})")
    head = f"{'shape':9} {'N':>7} {'analysis':>10} {'growth':>8} {'per N':>10}"
    print(head)
    print("-" * len(head))
    for shape in ("pairs", "wrappers", "sizes"):
        prev = None
        for count in (500, 5000, 50000):
            ll = os.path.join(tmp, f"wide-{shape}{count}.ll")
            with open(ll, "w") as f:
                sh([sys.executable, os.path.join(BENCH, "genmodule.py"), "--wide", shape,
                    str(count)], stdout=f)
            escape = [opt, f"-load-pass-plugin={plugin}", "-passes=escape", "-disable-output", ll]
            t = statistics.median(escape_row(sh(escape + ["-time-passes"]).stderr, 2)
                                  for _ in range(5))
            growth = f"{t / prev:7.1f}x" if prev else "      -"
            print(f"{shape:9} {count:7} {t:9.3f}s {growth} {1e6 * t / count:8.2f}us")
            prev = t


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", choices=["runtime", "compile", "scaling", "realcode"])
    ap.add_argument("--iterations", type=int, default=2000000)
    ap.add_argument("--rounds", type=int, default=7,
                    help="interleaved rounds of the run-time benchmarks")
    ap.add_argument("--compile-files", nargs="*", default=[])
    ap.add_argument("--instructions", choices=["auto", "yes", "no"], default="auto",
                    help="count instructions with valgrind (auto: if installed)")
    ap.add_argument("--functions", type=int, default=5000,
                    help="functions in the generated C file")
    ap.add_argument("--scale-functions", type=int, default=1000,
                    help="functions in the 1x module (8 sites each)")
    args = ap.parse_args()
    m = major()
    print(f"escape benchmarks on {machine()}")
    with tempfile.TemporaryDirectory(prefix="escape-bench-") as tmp:
        if args.only in (None, "runtime"):
            runtime(m, tmp, args.iterations, args.rounds)
        count = args.instructions == "yes" or (
            args.instructions == "auto" and shutil.which("valgrind") is not None)
        if args.only in (None, "compile"):
            compile_time(m, tmp, args.compile_files, args.functions, count)
        if args.only in (None, "scaling"):
            scaling(m, tmp, args.scale_functions, count)
    if args.only in (None, "realcode"):  # real code bases from apt (bench/realcode.py)
        sys.stdout.flush()
        subprocess.run([sys.executable, os.path.join(BENCH, "realcode.py"), "--major", m],
                       check=True)


if __name__ == "__main__":
    main()
