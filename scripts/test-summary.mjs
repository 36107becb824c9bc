// Prints one closing line for the whole test run from the reports that vitest and
// Playwright wrote as JSON, e.g. "tests: 412 passed, 0 failed". CI reads that line.
import fs from 'node:fs';

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;

const unit = read('reports/unit.json');
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += unit.numFailedTests ?? 0;
  skipped += (unit.numPendingTests ?? 0) + (unit.numTodoTests ?? 0);
  console.log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
} else {
  console.log('unit: no report (reports/unit.json)');
  failed += 1;
}

const e2e = read('reports/e2e.json');
if (e2e?.stats) {
  const ok = (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
  const bad = e2e.stats.unexpected ?? 0;
  passed += ok;
  failed += bad;
  skipped += e2e.stats.skipped ?? 0;
  console.log(`e2e: ${ok} passed, ${bad} failed`);
} else {
  console.log('e2e: no report (reports/e2e.json)');
  failed += 1;
}

console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 ? 1 : 0);
