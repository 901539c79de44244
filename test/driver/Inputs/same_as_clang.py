#!/usr/bin/env python3
"""Checks that escape-cc runs a job that has no IR (assembling, preprocessing,
linking, --version...) exactly as clang does.

  same_as_clang.py CLANG ESCAPE_CC INPUTS SCRATCH -- ARGS...

Runs `CLANG ARGS`, then `ESCAPE_CC ARGS` three times (with no reporting,
with ESCAPE_M=1 and with ESCAPE_STATS=FILE), each time in SCRATCH/work
freshly filled with a copy of INPUTS, so that paths recorded in outputs are
the same. escape-cc must give the same exit status, stdout and stderr,
create the same files with the same bytes, and write no statistics line.
Prints one line per ARGS when all agree; otherwise says what differs and
exits 1.
"""
import os
import shutil
import subprocess
import sys


def run(cmd, inputs, work, env):
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(inputs, work)
    before = set(os.listdir(work))
    p = subprocess.run(cmd, cwd=work, env=env, capture_output=True)
    files = {}
    for name in sorted(set(os.listdir(work)) - before):
        path = os.path.join(work, name)
        with open(path, "rb") as f:
            files[name] = f.read()
    return p.returncode, p.stdout, p.stderr, files


def main():
    clang, escape_cc, inputs, scratch = sys.argv[1:5]
    assert sys.argv[5] == "--", __doc__
    args = sys.argv[6:]
    work = os.path.join(scratch, "work")
    stats = os.path.join(scratch, "stats")
    base = {k: v for k, v in os.environ.items()
            if k not in ("ESCAPE_M", "ESCAPE_STATS", "ESCAPE_FLAGS")}
    want = run([clang] + args, inputs, work, base)
    bad = []
    for label, extra in (("no reporting", {}), ("ESCAPE_M=1", {"ESCAPE_M": "1"}),
                         ("ESCAPE_STATS", {"ESCAPE_STATS": stats})):
        if os.path.exists(stats):
            os.unlink(stats)
        got = run([escape_cc] + args, inputs, work, dict(base, **extra))
        for what, w, g in zip(("exit status", "stdout", "stderr"), want, got):
            if w != g:
                bad.append(f"{label}: {what} differs:\n  clang:     {w!r}\n  escape-cc: {g!r}")
        if want[3].keys() != got[3].keys():
            bad.append(f"{label}: files created: clang {sorted(want[3])}, "
                       f"escape-cc {sorted(got[3])}")
        else:
            bad += [f"{label}: {name} differs" for name in want[3]
                    if want[3][name] != got[3][name]]
        if os.path.exists(stats):
            with open(stats) as f:
                bad.append(f"{label}: a statistics line for a job with no IR: {f.read()!r}")
    shutil.rmtree(work, ignore_errors=True)
    shown = " ".join(args)
    if bad:
        print(f"escape-cc {shown}: not as clang", *bad, sep="\n")
        return 1
    print(f"same as clang (exit {want[0]}): {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
