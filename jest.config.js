/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  transform: { "^.+\\.(ts|tsx)$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  moduleNameMapper: {
    // office-addin-mock pulls an ESM-only chain through office-addin-manifest under Jest 30
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "\\.(css)$": "<rootDir>/test/support/styleStub.js",
  },
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/"],
  // No unit test asserts time (benchmarks do that): on a loaded 2-core CI machine a sample
  // build or a property run can pass jest's 5 s default without anything being wrong.
  testTimeout: 60_000,
};
