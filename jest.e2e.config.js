// Browser tests (test/e2e): the preview bundle in Debian's chromium via playwright-core.
// Run after the unit tests: `npx jest -c jest.e2e.config.js --runInBand`.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test/e2e"],
  transform: { "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  // Building the bundle (when stale) and launching the browser happen in beforeAll.
  testTimeout: 60_000,
  maxWorkers: 1,
};
