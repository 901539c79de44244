// Runs the problem matchers of editor/tasks.json over compiler output the
// way VS Code does for single-line patterns: each line is tried against
// each matcher in order, the first that matches makes one problem. Prints
// "FILE:LINE:COLUMN: SEVERITY: MESSAGE" per problem.
// Usage: node vscode_matcher.js tasks.json output.txt
"use strict";
const fs = require("fs");

const [tasksFile, outputFile] = process.argv.slice(2);
const tasks = JSON.parse(fs.readFileSync(tasksFile, "utf8")).tasks;
const matchers = tasks[0].problemMatcher.filter((m) => typeof m === "object");
for (const line of fs.readFileSync(outputFile, "utf8").split("\n")) {
  for (const matcher of matchers) {
    const p = matcher.pattern;
    const match = new RegExp(p.regexp).exec(line);
    if (!match) continue;
    const column = match[p.column] || "1";
    console.log(`${match[p.file]}:${match[p.line]}:${column}: ${matcher.severity}: ${match[p.message]}`);
    break;
  }
}
