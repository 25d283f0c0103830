// Jest reporter: ends the run with the plain closing line CI reads, `N passed, M failed`,
// and writes it to .tools/test-summary.txt for .ci/run.
const { mkdirSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");

class SummaryReporter {
  onRunComplete(_contexts, results) {
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line =
      `${results.numPassedTests} passed, ${failed} failed` +
      (results.numPendingTests ? `, ${results.numPendingTests} skipped` : "");
    const dir = join(__dirname, "..", "..", ".tools");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "test-summary.txt"), `${line}\n`);
    process.stdout.write(`${line}\n`);
  }
}
module.exports = SummaryReporter;
