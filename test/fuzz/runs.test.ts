// The fuzz parameters come from the environment, and a typo fails loudly instead of quietly
// running the short default.

type Runs = typeof import("./runs");

// process.env turns undefined into the string "undefined": delete instead.
function setEnv(env: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete process.env[k];
  else process.env[k] = v;
}

/** Loads runs.ts afresh under the given FUZZ_* variables and calls `use` while they are set. */
function withEnv<T>(env: { FUZZ_RUNS?: string; FUZZ_SEED?: string }, use: (runs: Runs) => T): T {
  const saved = { FUZZ_RUNS: process.env.FUZZ_RUNS, FUZZ_SEED: process.env.FUZZ_SEED };
  setEnv({ FUZZ_RUNS: undefined, FUZZ_SEED: undefined, ...env });
  try {
    let runs!: Runs;
    jest.isolateModules(() => {
      runs = require("./runs");
    });
    return use(runs);
  } finally {
    setEnv(saved);
  }
}

test("defaults: 10,000 cases (or the caller's default) and seed 42", () => {
  withEnv({}, (runs) => {
    expect(runs.fuzzRuns()).toBe(10_000);
    expect(runs.fuzzRuns(500)).toBe(500);
    expect(runs.seed).toBe(42);
    expect(runs.fuzzParameters()).toEqual({ seed: 42, numRuns: 10_000 });
  });
});

test("FUZZ_RUNS and FUZZ_SEED override every default", () => {
  withEnv({ FUZZ_RUNS: "100000", FUZZ_SEED: "1234567" }, (runs) => {
    expect(runs.fuzzRuns(500)).toBe(100_000);
    expect(runs.fuzzParameters()).toEqual({ seed: 1234567, numRuns: 100_000 });
  });
});

test("bad values are refused", () => {
  expect(() => withEnv({ FUZZ_SEED: "forty-two" }, () => 0)).toThrow('FUZZ_SEED must be a whole number ≥ 0, got "forty-two"');
  expect(() => withEnv({ FUZZ_RUNS: "1e5x" }, (runs) => runs.fuzzRuns())).toThrow('FUZZ_RUNS must be a whole number ≥ 0, got "1e5x"');
  expect(() => withEnv({ FUZZ_RUNS: "0" }, (runs) => runs.fuzzRuns())).toThrow("FUZZ_RUNS must be at least 1");
});
