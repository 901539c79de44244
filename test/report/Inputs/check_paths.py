"""Checks that every position in escape's output (-escape-m lines, the
positions inside them, YAML DebugLocs) names a file that exists when opened
from another directory than the build's, as an editor would open it."""
import os
import re
import sys

POSITION = re.compile(r"(?:^|at |File: ')([^ :']+\.[ch]):\d+")
os.chdir("/")
found = 0
for path in sys.argv[1:]:
    with open(path) as f:
        for file in POSITION.findall(f.read()):
            found += 1
            if not os.path.isabs(file) or not os.path.isfile(file):
                sys.exit(f"{path}: '{file}' does not open from /")
print(f"{found} positions open" if found else sys.exit(f"no positions in {sys.argv[1:]}"))
