#!/usr/bin/env node
// `npm run fuzz`: the property/fuzz tests at 100,000 cases each (FUZZ_RUNS overrides), with a
// fresh seed per run unless FUZZ_SEED is given; the seed is printed first and last so that a
// failure can be replayed exactly. `npm test` runs the same files at 10,000 cases, seed 42.
"use strict";
const { spawnSync } = require("node:child_process");
const path = require("node:path");
const { randomInt } = require("node:crypto");

// Every file whose properties take their case count from test/fuzz/runs.ts.
const FUZZ_FILES = [
  "test/fuzz/",
  "test/core/rules/robustness\\.test",
  "test/core/format/number\\.test",
  "test/core/normalize/properties\\.test",
  "test/core/reader/neverThrows\\.test",
];

const runs = process.env.FUZZ_RUNS || "100000";
const seed = process.env.FUZZ_SEED || String(randomInt(0, 2 ** 31 - 1));
const replay = `FUZZ_SEED=${seed} FUZZ_RUNS=${runs} npm run fuzz`;

process.stdout.write(`fuzz: ${runs} cases per property, seed ${seed}\n`);
const npx = process.platform === "win32" ? "npx.cmd" : "npx";
const started = Date.now();
const result = spawnSync(npx, ["jest", "--ci", "--runInBand", "--testPathPatterns", ...FUZZ_FILES], {
  cwd: path.resolve(__dirname, ".."),
  stdio: "inherit",
  env: { ...process.env, FUZZ_RUNS: runs, FUZZ_SEED: seed },
});
const status = result.status === null ? 1 : result.status;
const seconds = ((Date.now() - started) / 1000).toFixed(1);
process.stdout.write(`\nfuzz ${status === 0 ? "passed" : "FAILED"} in ${seconds} s with seed ${seed}; replay: ${replay}\n`);
process.exit(status);
