#!/usr/bin/env python3
"""Random IR through escape: llvm-stress modules, with every alloca turned
into a malloc (so that the random loads, stores, GEPs, phis, selects and
calls now work on heap objects) and a free of each before every return, are
run through opt -passes=escape with the verifier after each pass, and through
print<escape>. Any crash or verifier error is reported with its seed.

  stress.py --seeds 1:2001 --sizes 20 60 200 [--majors 19 22]

Ends with "stress: N passed, N failed".
"""
import argparse
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ALLOCA = re.compile(r"^(\s*)(%\S+) = alloca [^,]+(, align \d+)?\s*$")


def heapify(ir):
    """allocas become mallocs; each is freed before every ret."""
    out, names = [], []
    for line in ir.splitlines():
        m = ALLOCA.match(line)
        if m:
            out.append(f"{m.group(1)}{m.group(2)} = call ptr @malloc(i64 64)")
            names.append(m.group(2))
            continue
        if line.strip().startswith("ret ") or line.strip() == "ret void":
            out.extend(f"  call void @free(ptr {n})" for n in names)
        if line.startswith("define "):
            names = []
        out.append(line)
    out.append("declare noalias ptr @malloc(i64)\ndeclare void @free(ptr)")
    return "\n".join(out) + "\n"


def one(major, seed, size):
    bin_ = f"/usr/lib/llvm-{major}/bin"
    plugin = os.path.join(ROOT, f"build-{major}", "libescape.so")
    stress = subprocess.run([f"{bin_}/llvm-stress", f"-seed={seed}", f"-size={size}"],
                            capture_output=True, text=True)
    ir = heapify(stress.stdout)
    problems = []
    # InstCombine fails its own fixpoint check on some random modules, with or
    # without escape (seed 232, size 80): that check is not ours to run.
    for passes in ("escape", "print<escape>",
                   "escape,function(sroa,instcombine<no-verify-fixpoint>)"):
        r = subprocess.run([f"{bin_}/opt", f"-load-pass-plugin={plugin}", f"-passes={passes}",
                            "-verify-each", "-disable-output", "-escape-m=2"],
                           input=ir, capture_output=True, text=True, timeout=120)
        if r.returncode:
            problems.append(f"LLVM {major} seed {seed} size {size} -passes={passes}: "
                            f"exit {r.returncode}: {r.stderr[-800:]}")
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seeds", default="1:51")
    ap.add_argument("--sizes", nargs="+", type=int, default=[20, 80])
    ap.add_argument("--majors", nargs="+", default=None)
    args = ap.parse_args()
    majors = args.majors or [m for m in ("19", "22")
                             if os.path.exists(os.path.join(ROOT, f"build-{m}", "libescape.so"))]
    first, end = (int(x) for x in args.seeds.split(":"))
    passed = failed = 0
    for major in majors:
        for seed in range(first, end):
            for size in args.sizes:
                problems = one(major, seed, size)
                if problems:
                    failed += 1
                    print("\n".join(problems))
                else:
                    passed += 1
    print(f"stress: {passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
