// `postmortem`: the same engine as the editor, for the terminal and CI. The bundle of this file
// (dist/cli.js) is also the script its worker threads run.
import { main } from './cli/main';
import { isPoolWorker, serveWorker } from './node/pool';

export { main };
export { metricsJson } from './cli/commands/metrics';

if (isPoolWorker()) serveWorker();
else if (require.main === module) void Promise.resolve(main(process.argv.slice(2))).then((code) => (process.exitCode = code));
