#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code (code-server, in the browser) on a copy of
// examples/. On a fresh clone it installs the npm dependencies, builds and packages the extension,
// installs code-server into .cache/ (scripts/e2e/install.sh, about 2.5 minutes the first time),
// then starts code-server on 127.0.0.1 with the packaged extension and prints the URL.
// Ctrl+C stops everything it started.
//   PORT=8080 npm start          (default: 8080, or a free port when 8080 is taken)
//   npm start -- --no-package    (reuse postmortem-author.vsix as it is)
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const noPackage = process.argv.includes('--no-package');

function step(title, command, args) {
  console.log(`start: ${title}`);
  const started = Date.now();
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`start: "${[command, ...args].join(' ')}" failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
  console.log(`start: ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

if (!existsSync(join(ROOT, 'node_modules'))) step('installing npm dependencies', 'npm', ['install']);
// lib.mjs is imported only now: it needs nothing from node_modules, but keep the order obvious.
const lib = await import('./e2e/lib.mjs');
if (!noPackage || !existsSync(lib.VSIX)) step('building and packaging the extension', 'npm', ['run', '--silent', 'package']);
if (!existsSync(lib.NODE24) || !existsSync(lib.CODE_SERVER)) step('installing code-server into .cache/', 'bash', ['scripts/e2e/install.sh']);

const runDir = lib.makeRunDir('postmortem-start-');
const cleanup = () => {
  lib.stopAll();
  rmSync(runDir, { recursive: true, force: true });
};
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.log('\nstart: stopping code-server');
    process.exit(0); // runs cleanup
  });
}

const examples = join(ROOT, 'examples');
const source = existsSync(examples) ? examples : join(ROOT, 'test', 'fixtures');
const workspace = lib.copyWorkspace(source, join(runDir, 'examples'));
const profile = lib.codeServerProfile(join(runDir, 'code-server'));
console.log(`start: ${lib.installVsix(profile, lib.VSIX)} installed`);

const wanted = Number(process.env.PORT ?? 8080);
const port = (await isFree(wanted)) ? wanted : await lib.freePort();
const server = await lib.startCodeServer(profile, { port, workspace });
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
console.log(`
  Postmortem Author in VS Code (code-server): ${url}

  Workspace: a copy of ${source.replace(ROOT, '')} in ${workspace}
  Open a post-mortem (e.g. from the Explorer) to see diagnostics; Ctrl+C here stops code-server.
`);

// Stay up until Ctrl+C, or until code-server exits by itself.
const watch = setInterval(() => {
  if (server.exited) {
    console.error(`start: code-server exited; its log:\n${lib.tail(profile.log)}`);
    clearInterval(watch);
    process.exit(1);
  }
}, 1000);

function isFree(p) {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(p, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}
