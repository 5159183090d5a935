#!/usr/bin/env node
// `npm start`: try the extension in a real VS Code (code-server, in the browser) on a copy of
// examples/ in .cache/start/workspace, with examples/draft.md (a draft with typical problems) open.
// On a fresh clone it installs the npm dependencies, builds and packages the extension, installs
// code-server into .cache/ (scripts/e2e/install.sh, about 2.5 minutes the first time), then starts
// code-server on 127.0.0.1 with the packaged extension and prints the URL.
// Ctrl+C stops code-server. The workspace copy stays, with what you saved there: the next start
// reuses it and only adds example files it lacks (delete the folder to start afresh).
//   PORT=8080 npm start          (default: 8080, or a free port when 8080 is taken)
//   npm start -- --no-package    (reuse postmortem-author.vsix as it is)
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
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
    console.log(`\nstart: stopping code-server (your files stay in ${workspace.replace(ROOT, '')})`);
    process.exit(0); // runs cleanup
  });
}

const examples = join(ROOT, 'examples');
const source = existsSync(examples) ? examples : join(ROOT, 'test', 'fixtures');
// Kept across runs: never overwrite what the author saved, only add the example files it lacks.
const workspace = join(ROOT, '.cache', 'start', 'workspace');
const kept = existsSync(workspace);
mkdirSync(workspace, { recursive: true });
cpSync(source, workspace, { recursive: true, force: false, errorOnExist: false });
const profile = lib.codeServerProfile(join(runDir, 'code-server'));
console.log(`start: ${lib.installVsix(profile, lib.VSIX)} installed`);

const wanted = Number(process.env.PORT ?? 8080);
const port = (await isFree(wanted)) ? wanted : await lib.freePort();
const server = await lib.startCodeServer(profile, { port, workspace });
// The draft opens first (code-server's `payload` openFile): a document with findings to try.
const draft = join(workspace, 'draft.md');
const open = existsSync(draft) ? `&payload=${encodeURIComponent(JSON.stringify([['openFile', `vscode-remote://${new URL(server.url).host}${draft}`]]))}` : '';
const url = `${server.url}/?folder=${encodeURIComponent(workspace)}${open}`;
console.log(`
  Postmortem Author in VS Code (code-server): ${url}

  Workspace: ${workspace.replace(ROOT, '')} (${kept ? 'kept from the last start' : `a copy of ${source.replace(ROOT, '')}`})
  draft.md opens first: hover its squiggles, press Ctrl+. on one, open the preview (Ctrl+Shift+Alt+V).
  Ctrl+C here stops code-server; the workspace and what you saved in it stay.
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
