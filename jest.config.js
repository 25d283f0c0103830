/** Jest runs the TypeScript sources directly; `tsc` (npm run typecheck) does the type checking. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  modulePathIgnorePatterns: ["<rootDir>/dist/", "<rootDir>/examples/"],
  testTimeout: 30000,
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
};
