// `postmortem`: the same engine as the editor, for the terminal and CI. The bundle of this file
// (dist/cli.js) is also the script its worker threads run.
import { main } from './cli/main';
import { isPoolWorker, serveWorker } from './node/pool';

export { main };
export { metricsJson } from './cli/commands/metrics';

/** Runs as the `postmortem` program (bin/postmortem.js, or this bundle run with node). */
export function runProgram(argv: string[]): void {
  // A reader that stops early (`postmortem lint | head`) closes the pipe: what is left unwritten
  // is dropped and the command ends with its own exit code, not a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
  });
  void Promise.resolve(main(argv)).then((code) => (process.exitCode = code));
}

if (isPoolWorker()) serveWorker();
else if (require.main === module) runProgram(process.argv.slice(2));
