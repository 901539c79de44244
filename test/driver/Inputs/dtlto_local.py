#!/usr/bin/env python3
"""A distributor for lld's distributed ThinLTO (-fthinlto-distributor=): runs
each backend compile of the JSON file it is given here, one after another.
A real one sends them to other machines (with the plugin at the same path)."""
import json
import subprocess
import sys

with open(sys.argv[-1]) as f:
    jobs = json.load(f)
for job in jobs["jobs"]:
    subprocess.check_call(jobs["common"]["args"] + job["args"])
