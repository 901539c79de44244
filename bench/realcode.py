#!/usr/bin/env python3
"""Compile time on real code: every translation unit of real code bases
(Debian source packages), compiled with plain clang and with the plugin at
-escape-m=1 (the report of every function: the solver runs everywhere), side
by side. Prints per code base the total and worst per-file ratios of wall
time and peak memory, the escape pass's own share of the compile (from
-ftime-report, with and without -escape-m), the most solver steps per
instruction in any function (what -escape-max-work bounds) and how many
allocation sites ran out of that budget; then the files with the largest
ratios.

  bench/realcode.py                       # nginx, expat, libxml2
  bench/realcode.py --packages nginx --runs 3

Sources come from apt-get source (see test/realworld/run.py, whose fetching
this reuses and whose cache it shares); nothing is kept in the repository.
The build runs once with a recording compiler, to learn each file's command
line; then each command runs again, plain and with the plugin in turns, the
fastest of --runs each.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "realworld"))
import run as realworld  # noqa: E402  (fetching sources from apt)

# How to configure and build each code base: a shell command run in the
# unpacked tree, with $CC set to the recording compiler.
RECIPES = {
    "nginx": {
        "build": "./configure --with-cc=\"$CC\" --without-http_rewrite_module "
                 "--without-http_gzip_module --with-cc-opt='-O2 -Wno-error' && "
                 "make -j2 -f objs/Makefile",
        "apt": ["libpcre2-dev", "zlib1g-dev"],
    },
    "expat": {
        "dir": "expat",
        "build": "./buildconf.sh >/dev/null 2>&1 && ./configure CC=\"$CC\" CFLAGS=-O2 "
                 "--without-docbook --without-tests --without-examples && make -j2 -C lib",
        "apt": [],
    },
    "libxml2": {
        "build": "autoreconf -fi >/dev/null 2>&1 && ./configure CC=\"$CC\" CFLAGS=-O2 "
                 "--without-python --without-lzma --without-zlib --without-icu && "
                 "make -j2 libxml2.la",
        "apt": [],
    },
}

RECORDER = """#!/usr/bin/env python3
import json, os, sys
with open({log!r}, "a") as f:
    f.write(json.dumps({{"dir": os.getcwd(), "args": sys.argv[1:]}}) + "\\n")
os.execv({cc!r}, [{cc!r}] + sys.argv[1:])
"""


def tools(major):
    bindir = f"/usr/lib/llvm-{major}/bin"
    plugin = os.path.join(ROOT, f"build-{major}", "libescape.so")
    if not os.path.exists(plugin):
        sys.exit(f"realcode: {plugin} is missing; run make build first")
    return os.path.join(bindir, "clang"), plugin


def record(pkg, tree, clang, tmp):
    """The compile commands of one build of the code base."""
    recipe = RECIPES[pkg]
    top = os.path.join(tree, recipe.get("dir", "."))
    work = os.path.join(tmp, pkg)
    shutil.copytree(top, work, symlinks=True)
    log = os.path.join(tmp, f"{pkg}.commands")
    cc = os.path.join(tmp, "record-cc")
    with open(cc, "w") as f:
        f.write(RECORDER.format(log=log, cc=clang))
    os.chmod(cc, 0o755)
    env = dict(os.environ, CC=cc)
    r = subprocess.run(["sh", "-c", recipe["build"]], cwd=work, env=env,
                       capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"realcode: building {pkg} failed:\n{r.stdout[-1500:]}{r.stderr[-1500:]}")
    commands = []
    with open(log) as f:
        for line in f:
            c = json.loads(line)
            sources = [a for a in c["args"] if a.endswith(".c")]
            if "-c" in c["args"] and len(sources) == 1 and "conftest" not in sources[0]:
                commands.append((c["dir"], c["args"], sources[0]))
    return commands


def without_output(args, obj):
    """The command line with its object file (and dependency files) elsewhere."""
    out, skip = [], False
    for a in args:
        if skip:
            skip = False
            continue
        if a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if a in ("-MD", "-MMD", "-M", "-MM") or a.startswith("-Wp,-M"):
            continue
        out.append(a)
    return out + ["-o", obj]


def run_measured(cmd, cwd):
    """Wall time, peak RSS (KiB) and stderr of one compile."""
    with tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode(errors="replace")
    if status:
        sys.exit(f"realcode: {' '.join(cmd)} failed:\n{text[-1500:]}")
    return dt, usage.ru_maxrss, text


def escape_seconds(report):
    """Wall seconds in the escape pass's row of -ftime-report."""
    for line in report.splitlines():
        if line.rstrip().endswith("  escape"):  # wall time is the last column
            return float(re.findall(r"([0-9.]+) \(", line)[-1])
    return 0.0


def read_stats(path):
    rows = []
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                kv = dict(x.split("=", 1) for x in line.rstrip("\n").split("\t")[1:])
                rows.append({k: int(v) for k, v in kv.items()})
    return rows


def measure(pkg, commands, clang, plugin, major, runs, tmp):
    load = [f"-fpass-plugin={plugin}"] + ([f"-fplugin={plugin}"] if int(major) < 22 else [])
    obj = os.path.join(tmp, "out.o")
    files = []
    for cwd, args, source in commands:
        base = [clang] + without_output(args, obj)
        stats = os.path.join(tmp, "stats")
        if os.path.exists(stats):
            os.remove(stats)
        with_m = base + load + ["-mllvm", "-escape-m=1", "-mllvm", f"-escape-stats={stats}"]
        plain_t = plain_rss = esc_t = esc_rss = None
        for _ in range(runs):  # in turns, so that the machine's drift hits both
            t, rss, _ = run_measured(base, cwd)
            plain_t, plain_rss = min(plain_t or t, t), max(plain_rss or 0, rss)
            t, rss, _ = run_measured(with_m, cwd)
            esc_t, esc_rss = min(esc_t or t, t), max(esc_rss or 0, rss)
        t_m, _, report_m = run_measured(with_m + ["-ftime-report"], cwd)
        t_0, _, report_0 = run_measured(base + load + ["-ftime-report"], cwd)
        st = read_stats(stats)[:1]  # each compile with the plugin appended one line
        files.append({
            "file": os.path.relpath(os.path.join(cwd, source), os.path.join(tmp, pkg)),
            "plain": plain_t, "escape": esc_t, "plain_rss": plain_rss, "escape_rss": esc_rss,
            "pass_m": escape_seconds(report_m), "wall_m": t_m,
            "pass_0": escape_seconds(report_0), "wall_0": t_0,
            "steps": max((r.get("max-steps-per-instruction", 0) for r in st), default=0),
            "budget": sum(r.get("analysis-budget", 0) for r in st),
            "sites": sum(r.get("sites", 0) for r in st),
        })
    return files


def report(pkg, files, top):
    plain = sum(f["plain"] for f in files)
    esc = sum(f["escape"] for f in files)
    worst_t = max(files, key=lambda f: f["escape"] / f["plain"])
    worst_m = max(files, key=lambda f: f["escape_rss"] / f["plain_rss"])
    worst_s = max(files, key=lambda f: f["steps"])
    share_m = sum(f["pass_m"] for f in files) / sum(f["wall_m"] for f in files)
    share_0 = sum(f["pass_0"] for f in files) / sum(f["wall_0"] for f in files)
    print(f"{pkg}: {len(files)} files, {plain:.1f} s plain, {esc:.1f} s with -escape-m=1 "
          f"({esc / plain:.2f}x)")
    print(f"  worst file, time:   {worst_t['escape'] / worst_t['plain']:.2f}x  {worst_t['file']} "
          f"({worst_t['plain']:.2f} s -> {worst_t['escape']:.2f} s)")
    print(f"  worst file, memory: {worst_m['escape_rss'] / worst_m['plain_rss']:.2f}x  "
          f"{worst_m['file']} ({worst_m['plain_rss'] // 1024} -> "
          f"{worst_m['escape_rss'] // 1024} MiB)")
    print(f"  escape pass's share: {100 * share_m:.2f} % with -escape-m=1, "
          f"{100 * share_0:.2f} % without")
    print(f"  most solver steps per instruction in one function: {worst_s['steps']} "
          f"({worst_s['file']}); sites over -escape-max-work: "
          f"{sum(f['budget'] for f in files)} of {sum(f['sites'] for f in files)}")
    ranked = sorted(files, key=lambda f: -f["escape"] / f["plain"])[:top]
    for f in ranked:
        print(f"    {f['escape'] / f['plain']:5.2f}x time {f['escape_rss'] / f['plain_rss']:5.2f}x "
              f"memory {f['steps']:6d} steps/inst  {f['file']}")


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--packages", nargs="*", default=list(RECIPES), choices=list(RECIPES))
    ap.add_argument("--major", default=None, help="LLVM major (default: newest built)")
    ap.add_argument("--plugin", help="the plugin to load (default: build-MAJOR/libescape.so; "
                    "give a copy when rebuilding meanwhile)")
    ap.add_argument("--runs", type=int, default=2, help="runs per file and build, fastest kept")
    ap.add_argument("--top", type=int, default=5, help="files listed per code base")
    ap.add_argument("--cache", default=os.environ.get(
        "ESCAPE_REALWORLD_CACHE", os.path.expanduser("~/.cache/escape-realworld")))
    args = ap.parse_args()
    major = args.major or next((m for m in ("22", "19") if os.path.exists(
        os.path.join(ROOT, f"build-{m}", "libescape.so"))), None)
    if not major:
        sys.exit("realcode: no plugin built; run make build first")
    clang, plugin = tools(major)
    plugin = os.path.abspath(args.plugin) if args.plugin else plugin
    release = realworld.codename()
    realworld.ensure_deb_src(release)
    realworld.ensure_apt(["dpkg-dev"] + [p for k in args.packages for p in RECIPES[k]["apt"]])
    print(f"Compile time on real code (LLVM {major}; fastest of {args.runs} interleaved runs "
          "per file)")
    with tempfile.TemporaryDirectory(prefix="escape-realcode-") as tmp:
        for pkg in args.packages:
            tree, version = realworld.fetch_source(args.cache, pkg, release)
            commands = record(pkg, tree, clang, tmp)
            files = measure(pkg, commands, clang, plugin, major, args.runs, tmp)
            report(f"{pkg} {version}", files, args.top)


if __name__ == "__main__":
    main()
