// Engine state belongs to the service: no module of the core keeps memory of its own, two services
// never share what they keep, and a disposed service starts cold.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { createService } from './service';
import { ConfigSpec } from './template/schema';
import { loadBuiltinTemplates } from '../node/builtinTemplates';
import { EngineState, kept, within } from './state';

const CORE = __dirname;
/** The one module-level variable the core has: which service's state the running request uses. */
const ALLOWED = new Set(['state.ts']);
const MUTABLE = new Set(['Map', 'Set', 'WeakMap', 'WeakSet', 'TextMemo', 'Carried', 'Array']);

function coreFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return coreFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Module-level declarations that hold mutable state: `let`/`var`, or a mutable collection not typed read-only. */
export function moduleState(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const found: string[] = [];
  for (const statement of source.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    const list = statement.declarationList;
    const isConst = (list.flags & ts.NodeFlags.Const) !== 0;
    for (const d of list.declarations) {
      const name = d.name.getText(source);
      const line = source.getLineAndCharacterOfPosition(d.getStart(source)).line + 1;
      if (!isConst) {
        found.push(`${file}:${line}: let/var ${name}`);
        continue;
      }
      const init = d.initializer;
      const readonlyType = d.type !== undefined && /^Readonly|^readonly /.test(d.type.getText(source));
      if (init && ts.isNewExpression(init) && MUTABLE.has(init.expression.getText(source)) && !readonlyType) {
        found.push(`${file}:${line}: ${name} = new ${init.expression.getText(source)} (use kept… from state.ts, or a Readonly type for a constant table)`);
      }
    }
  }
  return found;
}

describe('engine state', () => {
  it('no module of the core keeps mutable state at module level (state.ts aside)', () => {
    const found = coreFiles(CORE)
      .filter((f) => !ALLOWED.has(path.relative(CORE, f)))
      .flatMap((f) => moduleState(path.relative(CORE, f), fs.readFileSync(f, 'utf8')));
    assert.deepEqual(found, []);
  });

  it('the check above finds a module-level cache, a let and an unmarked Set, and lets a read-only table pass', () => {
    const code = [
      'const cache = new Map<string, number>();',
      'let last = null;',
      'const NAMES = new Set(["a"]);',
      'const FIXED: ReadonlySet<string> = new Set(["a"]);',
      'function f() { const local = new Map(); let x = 1; return [local, x]; }',
    ].join('\n');
    assert.deepEqual(
      moduleState('x.ts', code).map((s) => s.replace(/ \(.*/, '')),
      ['x.ts:1: cache = new Map', 'x.ts:2: let/var last', 'x.ts:3: NAMES = new Set'],
    );
  });

  it('kept values belong to the state a request runs in; outside any state nothing is kept', () => {
    let made = 0;
    const counter = kept(() => ({ n: ++made }));
    const a = new EngineState();
    const b = new EngineState();
    assert.equal(within(a, counter), within(a, counter));
    assert.notEqual(within(a, counter), within(b, counter));
    assert.notEqual(counter(), counter());
    // Nested requests get their own state back afterwards.
    within(a, () => {
      const outer = counter();
      within(b, () => assert.notEqual(counter(), outer));
      assert.equal(counter(), outer);
    });
    const before = within(a, counter);
    a.dispose();
    assert.notEqual(within(a, counter), before);
  });

  const templates = loadBuiltinTemplates();
  // A timeline that states no zone: the configured zone decides the instants, so the durations.
  const text = [
    '---',
    'template: classic',
    '---',
    '# Incident: checkout outage',
    '',
    '**Duration:** 2h 30m',
    '**Date:** 2025-03-30',
    '**Severity:** SEV-2',
    '',
    '## Summary',
    '',
    'Checkout failed.',
    '',
    '## Timeline',
    '',
    '- 00:30 - Alert fired',
    '- 03:30 - Mitigated: rollback done',
    '- 04:00 - Resolved',
    '',
  ].join('\n');
  const doc = { uri: 'file:///ws/pm.md', version: 1, text };
  const berlin = () => createService({ templates, config: ConfigSpec.parse({ timeZone: 'Europe/Berlin' }), today: () => '2025-05-01' });
  const utc = () => createService({ templates, config: ConfigSpec.parse({}), today: () => '2025-05-01' });
  const answers = (s: ReturnType<typeof utc>) => ({
    entries: s.model(doc).timeline.entries.map((e) => e.at),
    codes: s.diagnostics(doc).map((d) => d.code),
    html: s.preview(doc, { mode: 'standalone', nonce: 'testnonce0123456789abcdef' }).body,
  });

  it('two services with different configurations give independent answers on the same text', () => {
    const coldBerlin = answers(berlin());
    const coldUtc = answers(utc());
    // The configurations really differ in what they answer (Berlin changes to summer time that night:
    // the stated 2h 30m holds there, not in UTC).
    assert.notDeepEqual(coldBerlin.entries, coldUtc.entries);
    assert.ok(!coldBerlin.codes.includes('duration-mismatch') && coldUtc.codes.includes('duration-mismatch'));
    assert.notEqual(coldBerlin.html, coldUtc.html);
    // Interleaved on one text and version, each service answers as if it were alone.
    const one = berlin();
    const two = utc();
    for (let i = 0; i < 3; i++) {
      assert.deepEqual(answers(one), coldBerlin);
      assert.deepEqual(answers(two), coldUtc);
    }
  });

  it('dispose() frees what a service keeps, and it answers the same afterwards', () => {
    const s = utc();
    const first = answers(s);
    const model = s.model(doc);
    s.dispose();
    assert.notEqual(s.model(doc), model, 'a new model after dispose');
    assert.deepEqual(answers(s), first);
  });
});
