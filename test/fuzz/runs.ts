// The one place the property tests take their case count and seed from. `npm test` runs the
// defaults (10,000 cases, seed 42: reproducible); `npm run fuzz` sets FUZZ_RUNS / FUZZ_SEED.

function wholeNumberFromEnv(name: string): number | null {
  const text = process.env[name];
  if (text === undefined || text.trim() === "") return null;
  const n = Number(text);
  // A typo must not silently fall back to the short default run.
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`${name} must be a whole number ≥ 0, got "${text}"`);
  return n;
}

/** Cases per property: FUZZ_RUNS when set, else `defaultRuns`. */
export function fuzzRuns(defaultRuns = 10_000): number {
  const runs = wholeNumberFromEnv("FUZZ_RUNS") ?? defaultRuns;
  if (runs === 0) throw new Error("FUZZ_RUNS must be at least 1");
  return runs;
}

/** fast-check seed: FUZZ_SEED when set, else 42. */
export const seed: number = wholeNumberFromEnv("FUZZ_SEED") ?? 42;

/** fast-check parameters for one property. */
export function fuzzParameters(defaultRuns = 10_000): { seed: number; numRuns: number } {
  return { seed, numRuns: fuzzRuns(defaultRuns) };
}
