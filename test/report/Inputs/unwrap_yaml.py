"""Joins the lines of YAML flow mappings ({ File: ..., Line: ... }) that
LLVM's YAML writer wraps at 80 columns, so that FileCheck sees each DebugLoc
on one line whatever the length of the path."""
import sys

depth = 0
for line in sys.stdin:
    line = line.rstrip("\n")
    sys.stdout.write(" " + line.strip() if depth else line)
    depth += line.count("{") - line.count("}")
    if depth <= 0:
        depth = 0
        sys.stdout.write("\n")
