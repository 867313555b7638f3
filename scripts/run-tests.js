#!/usr/bin/env node
// `npm test`: type-check, lint, run the unit tests, then the browser tests (which build the
// preview bundle); ends with the plain line "N passed, N failed" that CI reads.
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const results = path.join(root, "test-results");
fs.mkdirSync(results, { recursive: true });

function run(label, cmd, args, env = {}) {
  process.stderr.write(`\n▶ ${label}: ${cmd} ${args.join(" ")}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  return r.status === null ? 1 : r.status;
}

function counts(file) {
  try {
    const j = JSON.parse(fs.readFileSync(file, "utf8"));
    return { passed: j.numPassedTests, failed: j.numFailedTests + (j.numRuntimeErrorTestSuites || 0), skipped: j.numPendingTests + j.numTodoTests };
  } catch {
    return { passed: 0, failed: 1, skipped: 0 };
  }
}

const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const steps = [];
steps.push(["type-check", run("type-check", npx, ["tsc", "-p", "tsconfig.json", "--noEmit"])]);
// The CLI's build (npm ci's prepare step) compiles without the DOM library: check it here too.
steps.push(["type-check (CLI build)", run("type-check (CLI build)", npx, ["tsc", "-p", "tsconfig.node.json", "--noEmit"])]);
steps.push(["lint", run("lint", npx, ["eslint"])]);
const unitFile = path.join(results, "jest-unit.json");
const unit = run("unit tests", npx, ["jest", "--ci", "--json", `--outputFile=${unitFile}`]);
steps.push(["unit tests", unit]);
const total = counts(unitFile);

const e2eConfig = path.join(root, "jest.e2e.config.js");
if (fs.existsSync(e2eConfig)) {
  const e2eFile = path.join(results, "jest-e2e.json");
  const e2e = run("browser tests", npx, ["jest", "-c", e2eConfig, "--ci", "--runInBand", "--json", `--outputFile=${e2eFile}`]);
  steps.push(["browser tests", e2e]);
  const c = counts(e2eFile);
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
}

const failedSteps = steps.filter(([, code]) => code !== 0).map(([name]) => name);
if (failedSteps.length) {
  process.stderr.write(`\nfailed: ${failedSteps.join(", ")}\n`);
  if (total.failed === 0) total.failed = failedSteps.length;
}
const skipped = total.skipped ? `, ${total.skipped} skipped` : "";
process.stdout.write(`\n${total.passed} passed, ${total.failed} failed${skipped}\n`);
process.exit(failedSteps.length ? 1 : 0);
