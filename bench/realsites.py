#!/usr/bin/env python3
"""Allocation sites on real code: Debian source packages built with escape-cc
at -O2, once with allocation wrappers off (-escape-wrappers=0) and once as
shipped, side by side. Prints per package the sites, the moved sites of
each build, how many of the moved came from wrappers and how many got a
stack buffer for a run-time size; then, where the package has a workload
here, the allocator calls of that workload with each build and with plain
clang (bench/alloccount.c, LD_PRELOADed).

  bench/realsites.py                          # gawk jq tcc sed
  bench/realsites.py --packages gawk --major 19

Sources and recipes come from test/realworld/run.py (apt-get source, cached
outside the tree); the package's test suite is not run (make realworld
does that).
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "test", "realworld"))
import run as realworld  # noqa: E402  (recipes, fetching sources from apt)

# A workload per package: a shell command run in the built tree, whose
# allocator calls are counted. Each reads only what the source tree has.
WORKLOADS = {
    "gawk": "./gawk -f awklib/eg/prog/wc.awk README NEWS ChangeLog >/dev/null",
    "jq": "./jq -S '[paths] | length' tests/jq.test >/dev/null 2>&1;"
          " for i in 1 2 3 4 5 6 7 8; do ./jq -c '.[] | tostring | ascii_downcase'"
          " <<< '[\"A\",\"Bb\",{\"c\":[1,2,3]},[4,5]]' >/dev/null; done",
    "tcc": "./tcc -B. -I./include -c tcc.c -o /dev/null",
    "sed": "sed/sed -e 's/[aeiou]/<&>/g' -e 'y/abc/xyz/' ChangeLog-2014 >/dev/null",
}
VARIANTS = [("wrappers off", "-mllvm -escape-wrappers=0"), ("as shipped", "")]


def run(cmd, cwd, env, log):
    with open(log, "a") as f:
        return subprocess.run(["sh", "-c", cmd], cwd=cwd, env=env, stdout=f,
                              stderr=subprocess.STDOUT).returncode


def build(pkg, recipe, src, work, compiler, flags, stats):
    """Configures and builds a fresh copy of the package; True if it built."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(src, work, symlinks=True)
    top = os.path.join(work, recipe.get("dir", ""))
    env = dict(os.environ, CC=compiler, CFLAGS=realworld.CFLAGS, J=realworld.JOBS,
               LC_ALL="C.UTF-8", MAKEFLAGS="", MFLAGS="", MAKELEVEL="")
    env.update(recipe.get("env", {}))
    for k in ("ESCAPE_STATS", "ESCAPE_M", "ESCAPE_FLAGS"):
        env.pop(k, None)
    log = work + ".log"
    for step in ("prepare", "configure"):
        if recipe.get(step) and run(recipe[step], top, env, log):
            print(f"realsites: {pkg}: {step} failed (see {log})", file=sys.stderr)
            return None
    if flags:
        env["ESCAPE_FLAGS"] = flags
    if stats:
        env["ESCAPE_STATS"] = stats
    if run(recipe["build"], top, env, log):
        print(f"realsites: {pkg}: build failed (see {log})", file=sys.stderr)
        return None
    return top


def allocations(top, command, counter):
    """Allocator calls of one run of the workload, or None."""
    env = dict(os.environ, LD_PRELOAD=counter)
    r = subprocess.run(["bash", "-c", command], cwd=top, env=env, capture_output=True, text=True)
    total = 0
    for line in r.stderr.splitlines():  # one "allocs N" per process that ran
        if line.startswith("allocs "):
            total += int(line.split()[1])
    return total or None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--packages", nargs="+", default=["gawk", "jq", "tcc", "sed"])
    ap.add_argument("--major", default="22")
    ap.add_argument("--cache", default=os.environ.get(
        "ESCAPE_REALWORLD_CACHE", os.path.expanduser("~/.cache/escape-realworld")))
    args = ap.parse_args()
    escape_cc = os.path.join(ROOT, f"build-{args.major}", "escape-cc")
    clang = f"/usr/lib/llvm-{args.major}/bin/clang"
    if not os.path.exists(escape_cc):
        sys.exit(f"realsites: {escape_cc} is missing; run make build first")
    release = realworld.codename()
    realworld.ensure_deb_src(release)
    tmp = tempfile.mkdtemp(prefix="escape-realsites-")
    counter = os.path.join(tmp, "alloccount.so")
    subprocess.run([clang, "-O2", "-shared", "-fPIC", os.path.join(ROOT, "bench", "alloccount.c"),
                    "-o", counter, "-ldl"], check=True)
    print(f"{'package':10} {'sites':>6} " + " ".join(f"{v:>13}" for v, _ in VARIANTS) +
          f" {'from wrappers':>14} {'buffers':>8}   allocator calls (plain, " +
          ", ".join(v for v, _ in VARIANTS) + ")")
    for pkg in args.packages:
        recipe = realworld.RECIPES[pkg]
        realworld.ensure_apt(recipe.get("apt", []))
        src, _ = realworld.fetch_source(args.cache, pkg, release)
        cells, calls, last = [], [], {}
        work = os.path.join(tmp, pkg)
        top = build(pkg, recipe, src, work + ".plain", clang, "", None)
        load = WORKLOADS.get(pkg)
        calls.append(allocations(top, load, counter) if top and load else None)
        for name, flags in VARIANTS:
            stats = os.path.join(tmp, f"{pkg}.{len(cells)}.tsv")
            top = build(pkg, recipe, src, work, escape_cc, flags, stats)
            rows = realworld.read_stats(stats)[0] if top else {}
            cells.append(rows.get("moved", 0) if top else None)
            last = rows
            calls.append(allocations(top, load, counter) if top and load else None)
        show = lambda x: "-" if x is None else str(x)  # noqa: E731
        print(f"{pkg:10} {last.get('sites', 0):>6} " + " ".join(f"{show(c):>13}" for c in cells) +
              f" {last.get('moved-from-wrappers', 0):>14} {last.get('moved-buffers', 0):>8}   " +
              ", ".join(show(c) for c in calls), flush=True)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
