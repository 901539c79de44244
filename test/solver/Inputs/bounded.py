#!/usr/bin/env python3
"""Runs a compile with the plugin and checks that the pass stayed within
bounds: its CPU time within --ratio times plain clang's on the same file
(plus a second for a loaded machine), and the solver's steps per
instruction (from -escape-stats, deterministic) within --max-steps. Prints
the plugin's stderr, then one line saying which bound failed, if any.

  bounded.py --stats FILE --max-steps N --ratio R -- PLAIN... -- ESCAPE...
"""
import argparse
import os
import resource
import subprocess
import sys


def cpu_seconds(cmd, limit):
    """CPU time of cmd and its stderr; the process is killed past limit."""
    def limit_cpu():
        resource.setrlimit(resource.RLIMIT_CPU, (limit, limit))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    p = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                       preexec_fn=limit_cpu)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return used, p.returncode, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--stats", required=True)
    ap.add_argument("--max-steps", type=int, required=True)
    ap.add_argument("--ratio", type=float, required=True)
    ap.add_argument("commands", nargs=argparse.REMAINDER)
    args = ap.parse_args()
    words = args.commands[1:] if args.commands[:1] == ["--"] else args.commands
    split = words.index("--")
    plain, escape = words[:split], words[split + 1:]
    plain_s, rc, err = cpu_seconds(plain, 600)
    if rc:
        sys.exit(f"bounded: plain compile failed:\n{err}")
    budget = args.ratio * plain_s + 1.0
    if os.path.exists(args.stats):
        os.remove(args.stats)
    escape_s, rc, err = cpu_seconds(escape, int(budget * 4) + 1)
    sys.stdout.write(err)
    if rc:
        print(f"bounded: FAILED: the compile with the plugin exited with {rc} after "
              f"{escape_s:.1f} s CPU (killed past {int(budget * 4) + 1} s)")
        return
    if escape_s > budget:
        print(f"bounded: FAILED: {escape_s:.2f} s CPU with the plugin, more than "
              f"{args.ratio:g} x {plain_s:.2f} s plain + 1 s")
        return
    steps = 0
    with open(args.stats) as f:
        for line in f:
            kv = dict(x.split("=", 1) for x in line.rstrip("\n").split("\t")[1:])
            steps = max(steps, int(kv.get("max-steps-per-instruction", -1)))
    if steps < 0 or steps > args.max_steps:
        print(f"bounded: FAILED: {steps} solver steps per instruction in one function "
              f"(at most {args.max_steps} expected)")
        return
    print("bounded: within bounds")


if __name__ == "__main__":
    main()
