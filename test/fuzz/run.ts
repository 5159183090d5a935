// The long fuzz run: `npm run fuzz -- [--runs 100000] [--seed N] [--jobs J] [--property NAME]`.
// The runs are shared out between the properties and J worker processes (default: one per
// core; worker k uses seed N+k). A failure prints its property, seed and path; replay it, and
// shrink it to a small case, with `npm run fuzz -- --property NAME --seed S --path P`.
import { PROPERTIES, type PropertyName } from './properties';
import { defaultJobs, describeOutcomes, runAll, runProperty } from './runner';

function parseArgs(argv: string[]) {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const property = get('--property') ?? null;
  if (property !== null && !(property in PROPERTIES)) throw new Error(`--property must be one of ${Object.keys(PROPERTIES).join(', ')}`);
  return {
    runs: Number(get('--runs') ?? 100_000),
    seed: Number(get('--seed') ?? Date.now() % 2 ** 31),
    jobs: Number(get('--jobs') ?? defaultJobs()),
    property: property as PropertyName | null,
    path: get('--path') ?? null,
    worker: argv.includes('--worker'),
  };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.worker) {
    const outcome = runProperty(args.property!, args.runs, args.seed, null, (line) => process.send!({ log: line }));
    process.send!({ outcome });
    return;
  }
  if (args.path) {
    if (!args.property) throw new Error('--path needs --property (and the --seed of the failing worker)');
    const outcome = runProperty(args.property, args.runs, args.seed, args.path, console.log);
    console.log(describeOutcomes([{ ...outcome, runs: 1 }]));
    process.exitCode = outcome.failure ? 1 : 0;
    return;
  }
  console.log(`fuzz: ${args.runs} cases, seed ${args.seed}, ${args.jobs} workers`);
  const started = performance.now();
  const outcomes = await runAll({ ...args, log: console.log });
  const failed = outcomes.filter((o) => o.failure).length;
  console.log(describeOutcomes(outcomes));
  const cases = outcomes.reduce((n, o) => n + o.runs, 0);
  console.log(`\nfuzz: ${cases} cases in ${((performance.now() - started) / 1000).toFixed(1)} s, ${failed ? `${failed} failing (see above)` : 'no failure'}`);
  process.exitCode = failed ? 1 : 0;
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 2;
});
