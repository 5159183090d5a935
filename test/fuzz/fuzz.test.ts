// The CI size of the fuzz suite (npm run fuzz:ci): FUZZ_RUNS cases (default 2000) from the fixed
// FUZZ_SEED, shared out between one worker process per core (FUZZ_JOBS). A failure names the
// command that replays it: `npm run fuzz -- --property NAME --seed S --path P`.
import assert from 'node:assert/strict';
import { PROPERTIES, SHARE, type PropertyName } from './properties';
import { defaultJobs, describeOutcomes, runAll, type Outcome } from './runner';

const RUNS = Number(process.env['FUZZ_RUNS'] ?? 2000);
const SEED = Number(process.env['FUZZ_SEED'] ?? 20261126);
const JOBS = Number(process.env['FUZZ_JOBS'] ?? Math.min(2, defaultJobs()));

describe(`fuzz: any input, any size (${RUNS} cases from seed ${SEED}, ${JOBS} workers)`, function () {
  this.timeout(0);
  let outcomes: Outcome[] = [];
  before(async () => {
    outcomes = await runAll({ runs: RUNS, seed: SEED, jobs: JOBS });
  });
  for (const name of Object.keys(PROPERTIES) as PropertyName[]) {
    it(`${name}: ${Math.round(RUNS * SHARE[name])} cases`, () => {
      const mine = outcomes.filter((o) => o.property === name);
      const report = describeOutcomes(mine);
      console.log(report.replace(/^/gm, '      '));
      assert.ok(mine.length > 0 && !mine.some((o) => o.failure), `fuzz failures:\n${report}`);
    });
  }
});
