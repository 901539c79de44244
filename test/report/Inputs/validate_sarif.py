"""Validates a SARIF file with Microsoft's SARIF Multitool: the SARIF 2.1.0
JSON schema, the SARIF rules and GitHub code scanning's ingestion rules
(GHxxxx). Prints each error and warning, one a line, and fails if there is
any. Usage: validate_sarif.py MULTITOOL POLICY FILE.sarif"""
import json
import os
import subprocess
import sys
import tempfile

multitool, policy, sarif = sys.argv[1:4]
with tempfile.TemporaryDirectory() as tmp:
    log = os.path.join(tmp, "validation.sarif")
    # the file first: --log and --level take every value up to the next option
    run = subprocess.run([multitool, "validate", sarif, "--config", policy, "--rule-kind",
                          "Gh;Sarif", "--level", "Error;Warning", "--output", log],
                         capture_output=True, text=True)
    if not os.path.exists(log):
        sys.exit(f"the validator wrote no log (exit {run.returncode}):\n"
                 f"{run.stdout[-2000:]}{run.stderr[-2000:]}")
    with open(log) as f:
        validation = json.load(f)["runs"][0]
def text(message):
    return message.get("text") or ", ".join(message.get("arguments", []))


problems = [f"{r.get('level', 'warning')} {r['ruleId']}: {text(r['message'])}"
            for r in validation.get("results", []) if r.get("level", "warning") in ("error", "warning")]
for invocation in validation.get("invocations", []):
    for n in invocation.get("toolExecutionNotifications", []):
        rule = n.get("descriptor", {}).get("id", "")
        if n.get("level") == "error" or (n.get("level") == "warning" and rule != "WRN999.RuleExplicitlyDisabled"):
            problems.append(f"{n.get('level')} {rule}: {text(n['message'])}")
for p in problems:
    print(p)
print(f"{len(problems)} problems")
sys.exit(1 if problems else 0)
