// What must hold for any input: nothing throws (not even inside the core's own safety nets),
// every range lies inside the document, quick fixes keep the author's text, fix-all is
// idempotent, and incremental analysis equals a fresh one. Shared by the CI suite and the long run.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, Diagnostic, DocumentSymbol, Location, Range, TextEdit } from 'vscode-languageserver-types';
import { createService, type PostmortemService } from '../../server/src/core/service';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';
import { FIX_ALL_KIND, FIX_ALL_TITLE, INSERT_SECTIONS_KIND, fixRuleTitle } from '../../server/src/core/actions';
import { RULES } from '../../server/src/core/rules';
import { findPlaceholders, isPlaceholderValue } from '../../server/src/core/model/placeholders';
import type { Postmortem } from '../../server/src/core/model/types';
import type { Cursor } from '../../server/src/core/completion/cursor';
import { headings } from '../../server/src/core/completion/headings';
import { timelineEntries, phaseEvents } from '../../server/src/core/completion/timeline';
import { peopleCompletions } from '../../server/src/core/completion/people';
import { fieldValues, fieldKeys } from '../../server/src/core/completion/fields';
import { startTags, strayAngles } from '../unit/render-hostile';
import { cursorArb, editSequenceArb, resolveCursor, subjectArb, type CursorSeed, type Mutation, type Pos, type Subject } from './generators';

export const TODAY = '2026-11-26';
const NOW = Date.parse('2026-11-26T12:00:00Z');
const URI = 'file:///fuzz/postmortem.md';
const NONCE = 'FuzzNonce0123456789abcdef';
const SCRIPT = 'https://file+.vscode-resource.vscode-cdn.net/ext/media/preview.js';
const templates = loadBuiltinTemplates();
// TEMPORARY exploration knob (remove): skeletons without zone statements.
if (process.env['FUZZ_EXPLORE'])
  for (const t of templates)
    for (const sec of t.sections)
      if (sec.skeleton)
        (sec as { skeleton: string }).skeleton = sec.skeleton
          .split('\n')
          .filter((l) => !/All times in/.test(l))
          .join('\n')
          .replace(/ \(UTC\)/g, '');

// The core catches errors in rules, fixes and completers so one bug never silences the rest; the
// fuzzer must still see them. Rules are wrapped in place (RULES is what the service runs), the
// service's log is recorded, and the completers are also called one by one below.
const swallowed: string[] = [];
const describeError = (e: unknown) => (e instanceof Error ? (e.stack ?? e.message) : String(e));
for (const rule of RULES) {
  const { check, fix } = rule;
  rule.check = (ctx) => {
    try {
      return check.call(rule, ctx);
    } catch (e) {
      swallowed.push(`rule ${rule.id} check threw: ${describeError(e)}`);
      throw e;
    }
  };
  if (fix) {
    rule.fix = (ctx, finding) => {
      try {
        return fix.call(rule, ctx, finding);
      } catch (e) {
        swallowed.push(`rule ${rule.id} fix threw: ${describeError(e)}`);
        throw e;
      }
    };
  }
}

/** The runner watches each case: before (a record of the input, should the case never end) and after (progress, slow inputs). */
export const observer: { onStart?: (property: string, text: () => string) => void; onCase?: (property: string, ms: number, text: () => string) => void } = {};
const observed = (property: string, text: () => string, run: () => void) => {
  observer.onStart?.(property, text);
  const start = performance.now();
  run();
  observer.onCase?.(property, performance.now() - start, text);
};

// Nor may an author's text make a library write to the process's stderr (the CLI's output, the server's log).
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
  swallowed.push(`process warning: ${warning instanceof Error ? warning.message : warning}`);
  (emitWarning as (w: string | Error, ...r: unknown[]) => void)(warning, ...rest);
}) as typeof process.emitWarning;

export function makeService(): PostmortemService {
  return createService({ templates, today: () => TODAY, now: () => NOW, log: (m) => swallowed.push(`service log: ${m}`) });
}

function noneSwallowed(): void {
  const errors = swallowed.splice(0);
  assert.deepEqual(errors, [], 'an error was caught inside the core');
}

// ---- geometry -------------------------------------------------------------------------------

/** Lines as LSP counts them: \r\n, \r and \n end a line. */
const lspLines = (text: string) => text.split(/\r\n|\r|\n/);

const cmp = (a: Pos, b: Pos) => a.line - b.line || a.character - b.character;

function assertInside(r: Range | null | undefined, lines: string[], what: string): void {
  if (!r) return;
  for (const p of [r.start, r.end]) {
    assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: non-integer position ${JSON.stringify(p)}`);
    assert.ok(p.line >= 0 && p.line < lines.length, `${what}: line ${p.line} outside 0..${lines.length - 1} (${JSON.stringify(r)})`);
    assert.ok(p.character >= 0 && p.character <= lines[p.line]!.length, `${what}: character ${p.character} outside line ${p.line} of length ${lines[p.line]!.length} (${JSON.stringify(r)})`);
  }
  assert.ok(cmp(r.start, r.end) <= 0, `${what}: reversed range ${JSON.stringify(r)}`);
}

const contains = (outer: Range, inner: Range) => cmp(outer.start, inner.start) <= 0 && cmp(inner.end, outer.end) <= 0;
const isValidPos = (p: Pos, lines: string[]) => p.line < lines.length && p.character <= lines[p.line]!.length;

function modelRanges(m: Postmortem): [Range | null, string][] {
  const out: [Range | null, string][] = [
    [m.frontMatterRange, 'front matter'],
    [m.timeline.statedZoneRange, 'stated zone'],
  ];
  for (const s of m.sections) out.push([s.range, `section '${s.title}'`], [s.headingRange, `heading '${s.title}'`]);
  for (const f of m.fields) out.push([f.range, `field '${f.key}'`], [f.keyRange, `field key '${f.key}'`], [f.valueRange, `field value '${f.key}'`]);
  for (const e of m.timeline.entries) out.push([e.range, 'entry'], [e.timeRange, 'entry time'], [e.textRange, 'entry text'], [e.ownerRange, 'entry owner']);
  for (const a of m.actionItems) out.push([a.range, 'action item'], [a.idRange, 'action id'], [a.ownerRange, 'action owner'], [a.dueRange, 'action due'], [a.statusRange, 'action status']);
  for (const s of m.statedMetrics) out.push([s.field.range, `stated metric ${s.kind}`]);
  if (m.severity) out.push([m.severity.range, 'severity']);
  return out;
}

/** A range the model gives for a value covers exactly that value as written (hover, rename and fixes rely on it). */
function assertRangesName(m: Postmortem, td: TextDocument): void {
  const same = (r: Range | null, value: string | null, what: string) => {
    if (r && value !== null) assert.equal(td.getText(r), value, `${what}: range ${JSON.stringify(r)} does not hold ${JSON.stringify(value)}`);
  };
  for (const f of m.fields) same(f.valueRange, f.raw, `field '${f.key}' value`);
  for (const e of m.timeline.entries) {
    same(e.timeRange, e.timeText, 'timeline entry time');
    same(e.ownerRange, e.owner, 'timeline entry owner');
    // An entry of a 003-style block points at its heading, and its text adds the block's detail.
    if (e.textRange.start.line === e.line) same(e.textRange, e.text, 'timeline entry text');
  }
  for (const a of m.actionItems) {
    same(a.idRange, a.id, 'action item id');
    same(a.ownerRange, a.owner, 'action item owner');
    same(a.dueRange, a.dueText, 'action item due date');
    same(a.statusRange, a.status, 'action item status');
  }
}

/** Where the services do most: the edges of what the model found. */
function anchors(m: Postmortem, diagnostics: Diagnostic[]): Pos[] {
  const out: Pos[] = [];
  const add = (...ranges: (Range | null)[]) => {
    for (const r of ranges) if (r) out.push(r.start, r.end, { line: r.start.line, character: r.start.character + 1 });
  };
  for (const s of m.sections) add(s.headingRange);
  for (const f of m.fields) add(f.keyRange, f.valueRange);
  for (const e of m.timeline.entries) add(e.timeRange, e.ownerRange);
  for (const a of m.actionItems) add(a.idRange, a.ownerRange, a.dueRange);
  for (const d of diagnostics) add(d.range);
  return out;
}

// ---- edits ----------------------------------------------------------------------------------

/** Apply edits as an LSP client does; throws on overlapping edits. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create(URI, 'markdown', 0, text), edits);
}

function editsOf(action: CodeAction, what: string): TextEdit[] {
  if (!action.edit) return [];
  assert.equal(action.edit.documentChanges, undefined, `${what}: documentChanges`);
  const uris = Object.keys(action.edit.changes ?? {});
  assert.ok(
    uris.every((u) => u === URI),
    `${what}: edits another document (${uris.join(', ')})`,
  );
  return action.edit.changes?.[URI] ?? [];
}

const quoted = (title: string, s: string) => [`'${s}'`, `"${s}"`, `\`${s}\``].some((q) => title.includes(q));
const isPlaceholder = (s: string) => isPlaceholderValue(s) || findPlaceholders(s).some((m) => m.start === 0 && m.end === s.length);

/**
 * A quick fix keeps the author's text: each edit that replaces something replaces text its title
 * names (quoted, or a placeholder the title names), or text the fix writes back (a move, a sort:
 * every non-blank replaced line reappears in the fix's new text). Everything outside the replaced
 * spans survives, in order. Returns the result of applying the fix.
 */
function assertKeepsAuthorText(text: string, title: string, edits: TextEdit[], doc: TextDocument): string {
  const written = { pool: edits.map((e) => e.newText).join('\u0000') };
  for (const e of edits) {
    const replaced = doc.getText(e.range);
    if (replaced === '' || quoted(title, replaced) || (isPlaceholder(replaced) && title.includes(replaced))) continue;
    for (const line of lspLines(replaced).filter((l) => l.trim())) {
      const at = written.pool.indexOf(line);
      assert.ok(at >= 0, `fix '${title}' replaces ${JSON.stringify(replaced.slice(0, 200))} (${JSON.stringify(e.range)}), which its title does not name and it does not write back`);
      written.pool = written.pool.slice(0, at) + '\u0001' + written.pool.slice(at + line.length);
    }
  }
  const result = applyEdits(text, edits);
  // Cut the original at every edit boundary, drop the replaced spans: the rest must survive in order.
  const spans = edits.map((e) => [doc.offsetAt(e.range.start), doc.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pieces: string[] = [];
  let from = 0;
  for (const [s, t] of spans) {
    if (s > from) pieces.push(text.slice(from, s));
    from = Math.max(from, t);
  }
  pieces.push(text.slice(from));
  let cursor = 0;
  for (const piece of pieces) {
    for (const line of lspLines(piece).filter((l) => l)) {
      const at = result.indexOf(line, cursor);
      assert.ok(at >= 0, `after fix '${title}' the author's text ${JSON.stringify(line.slice(0, 200))} is gone or out of order`);
      cursor = at + line.length;
    }
  }
  return result;
}

// ---- one document through every service ------------------------------------------------------

const COMPLETERS = { headings, timelineEntries, phaseEvents, peopleCompletions, fieldValues, fieldKeys };

function checkCompletion(s: PostmortemService, doc: { uri: string; version: number; text: string }, p: Pos, lines: string[]): void {
  const items: CompletionItem[] = s.completions(doc, p);
  assert.ok(Array.isArray(items), 'complete returns a list');
  const valid = isValidPos(p, lines);
  for (const item of items) {
    assert.ok(typeof item.label === 'string' && item.label.length > 0, `completion with an empty label at ${JSON.stringify(p)}`);
    const te = item.textEdit;
    const ranges = !te ? [] : 'range' in te ? [te.range] : [te.insert, te.replace];
    for (const r of ranges) {
      assertInside(r, lines, `completion '${item.label}' at ${JSON.stringify(p)}`);
      assert.equal(r.start.line, r.end.line, `completion '${item.label}': multi-line edit range`);
      if (valid)
        assert.ok(
          r.start.line === p.line && r.start.character <= p.character && p.character <= r.end.character,
          `completion '${item.label}': edit range ${JSON.stringify(r)} does not contain the cursor ${JSON.stringify(p)}`,
        );
    }
    for (const e of item.additionalTextEdits ?? []) assertInside(e.range, lines, `completion '${item.label}' additional edit`);
  }
  // The completers one by one, on the cursor complete() builds, so an error it would swallow shows.
  const ctx = s.context(doc);
  const { model } = ctx;
  const text = model.lines[p.line];
  if (!model.isPostmortem || text === undefined || model.codeLines.has(p.line) || (model.frontMatterRange && p.line <= model.frontMatterRange.end.line)) return;
  const character = Math.max(0, Math.min(p.character, text.length));
  const cur: Cursor = { ctx, line: p.line, character, text, before: text.slice(0, character), after: text.slice(character), now: NOW };
  for (const [name, completer] of Object.entries(COMPLETERS)) {
    try {
      completer(cur);
    } catch (e) {
      assert.fail(`completer ${name} threw at ${JSON.stringify(p)}: ${describeError(e)}`);
    }
  }
}

function checkSymbols(symbols: DocumentSymbol[], lines: string[], parent?: DocumentSymbol): void {
  for (const sym of symbols) {
    assert.ok(sym.name.length > 0, `symbol with an empty name at ${JSON.stringify(sym.range)}`);
    assertInside(sym.range, lines, `symbol '${sym.name}'`);
    assertInside(sym.selectionRange, lines, `symbol '${sym.name}' selection`);
    assert.ok(contains(sym.range, sym.selectionRange), `symbol '${sym.name}': selection ${JSON.stringify(sym.selectionRange)} outside ${JSON.stringify(sym.range)}`);
    if (parent) assert.ok(contains(parent.range, sym.range), `symbol '${sym.name}' lies outside its parent '${parent.name}'`);
    checkSymbols(sym.children ?? [], lines, sym);
  }
}

function checkLocations(locs: Location[], lines: string[], what: string): void {
  for (const l of locs) {
    assert.equal(l.uri, URI, `${what}: location in another document`);
    assertInside(l.range, lines, what);
  }
}

/** "Nothing run": no script but ours, no event handler, no script URL, everything the author wrote escaped. */
function checkRender(html: string, mode: 'webview' | 'standalone'): void {
  const tags = startTags(html);
  const scripts = tags.filter((t) => t.name === 'script');
  if (mode === 'webview')
    assert.deepEqual(
      scripts.map((t) => [...t.attrs]),
      [
        [
          ['nonce', NONCE],
          ['src', SCRIPT],
        ],
      ],
      'only our script',
    );
  else assert.equal(scripts.length, 0, 'the standalone page has no script');
  for (const t of tags) {
    for (const [name, value] of t.attrs) {
      assert.doesNotMatch(name, /^on/i, `event handler ${name} on <${t.name}>`);
      if (name === 'href' || name === 'src') assert.doesNotMatch(value, /^\s*(?:javascript|vbscript|data:text)/i, `<${t.name} ${name}="${value.slice(0, 80)}">`);
    }
    assert.ok(!['iframe', 'object', 'embed', 'form', 'base', 'link', 'frame'].includes(t.name), `<${t.name}> in the page`);
  }
  assert.deepEqual(strayAngles(html), [], 'raw "<" outside tags');
}

/**
 * The service for a case, as an editor session has it: the document was the unmutated fixture a
 * moment ago (so analysis is incremental, as when typing). One service per fixture keeps that
 * cheap; the state it brings is exactly the fixture's blocks, whatever ran before, so a case
 * replays the same on its own. (checkIncremental holds incremental and fresh analysis equal.)
 */
const sessions = new Map<string, { service: PostmortemService; version: number }>();
function session(base: string, baseText: string): { s: PostmortemService; version: number } {
  let entry = sessions.get(base);
  if (!entry) sessions.set(base, (entry = { service: makeService(), version: 0 }));
  entry.version += 10;
  entry.service.diagnostics({ uri: URI, version: entry.version, text: baseText });
  return { s: entry.service, version: entry.version + 1 };
}

export function checkDocument(subject: Subject, cursorSeeds: CursorSeed[], mode: 'webview' | 'standalone'): void {
  const { s, version } = session(subject.base, subject.baseText);
  swallowed.length = 0;
  const { text } = subject;
  const doc = { uri: URI, version, text };
  const lines = lspLines(text);
  const td = TextDocument.create(URI, 'markdown', 1, text);

  const model = s.model(doc);
  assert.deepEqual(model.lines, lines, 'the model splits lines as LSP does');
  for (const [r, what] of modelRanges(model)) assertInside(r, lines, what);
  assertRangesName(model, td);
  const diagnostics = s.diagnostics(doc);
  for (const d of diagnostics) assertInside(d.range, lines, `diagnostic ${String(d.code)}`);

  // Quick fixes for every diagnostic, as the editor asks for them (the diagnostic's own range).
  const quickFixEdits = new Set<string>();
  const menuFixAll: { title: string; edits: TextEdit[] }[] = [];
  for (const d of diagnostics) {
    for (const action of s.codeActions(doc, d.range, { diagnostics: [d] })) {
      const what = `code action '${action.title}' for ${String(d.code)}`;
      const edits = editsOf(action, what);
      for (const e of edits) assertInside(e.range, lines, what);
      if (action.command) assert.ok(action.command.arguments?.[0] === URI, `${what}: command for another document`);
      if (!edits.length) continue;
      // Fix-all offered in the Ctrl+. menu (the document's, or one rule's) is checked below, like the source action.
      if (action.title === FIX_ALL_TITLE || action.title === fixRuleTitle(String(d.code))) {
        menuFixAll.push({ title: action.title, edits });
        continue;
      }
      assertKeepsAuthorText(text, action.title, edits, td);
      for (const e of edits) quickFixEdits.add(JSON.stringify(e));
    }
  }

  // Fix all: only edits some quick fix offers (or pure insertions); applied twice it changes nothing more.
  for (const { title, edits } of menuFixAll) {
    for (const e of edits) {
      const empty = cmp(e.range.start, e.range.end) === 0;
      assert.ok(empty || quickFixEdits.has(JSON.stringify(e)), `${title} replaces ${JSON.stringify(td.getText(e.range).slice(0, 200))} with an edit no quick fix offers`);
    }
  }
  const fixAll = s.codeActions(doc, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics, only: [FIX_ALL_KIND] });
  assert.ok(fixAll.length <= 1, 'one fix-all action');
  if (fixAll[0]) {
    const edits = editsOf(fixAll[0], 'fix all');
    for (const e of edits) {
      assertInside(e.range, lines, 'fix-all edit');
      const empty = cmp(e.range.start, e.range.end) === 0;
      assert.ok(empty || quickFixEdits.has(JSON.stringify(e)), `fix all replaces ${JSON.stringify(td.getText(e.range).slice(0, 200))} with an edit no quick fix offers`);
    }
    const fixed = applyEdits(text, edits);
    const again = { uri: URI, version: version + 1, text: fixed };
    const fixedLines = lspLines(fixed);
    const second = s.codeActions(again, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: s.diagnostics(again), only: [FIX_ALL_KIND] });
    for (const a of second) {
      const more = editsOf(a, 'second fix all');
      for (const e of more) assertInside(e.range, fixedLines, 'second fix-all edit');
      const twice = applyEdits(fixed, more);
      assert.equal(twice, fixed, `fix all is not idempotent: the second pass still edits ${JSON.stringify(more.slice(0, 3))}`);
    }
  }
  const doc1 = { uri: URI, version: version + 2, text }; // back to the original, as after an undo
  const insert = s.codeActions(doc1, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { diagnostics: s.diagnostics(doc1), only: [INSERT_SECTIONS_KIND] });
  for (const a of insert) {
    for (const e of editsOf(a, 'insert missing sections')) {
      assertInside(e.range, lines, 'insert-section edit');
      assert.deepEqual(e.range.start, e.range.end, 'inserting sections replaces text');
    }
    applyEdits(text, editsOf(a, 'insert missing sections'));
  }

  // Cursor requests: completion, hover, definition, references.
  const marks = anchors(model, diagnostics);
  for (const seed of cursorSeeds) {
    const p = resolveCursor(seed, lines, marks);
    checkCompletion(s, doc1, p, lines);
    const h = s.hover(doc1, p);
    if (h?.range) {
      assertInside(h.range, lines, `hover at ${JSON.stringify(p)}`);
      if (isValidPos(p, lines)) assert.ok(cmp(h.range.start, p) <= 0 && cmp(p, h.range.end) <= 0, `hover range ${JSON.stringify(h.range)} does not contain ${JSON.stringify(p)}`);
    }
    checkLocations(s.definition(doc1, p), lines, `definition at ${JSON.stringify(p)}`);
    checkLocations(s.references(doc1, p, true), lines, `references at ${JSON.stringify(p)}`);
    checkLocations(s.references(doc1, p, false), lines, `references (no declaration) at ${JSON.stringify(p)}`);
  }
  checkSymbols(s.symbols(doc1), lines);

  const r = s.preview(doc1, { mode, nonce: NONCE, ...(mode === 'webview' ? { scriptUri: SCRIPT, cspSource: 'https://*.vscode-cdn.net' } : {}) });
  assert.equal(r.isPostmortem, model.isPostmortem, 'render agrees with the analysis');
  checkRender(r.html, mode);
  noneSwallowed();
}

// ---- incremental analysis ------------------------------------------------------------------

const withoutIdentity = ({ uri, version, ...rest }: Postmortem) => (void uri, void version, rest);

export function checkIncremental(versions: string[]): void {
  swallowed.length = 0;
  const incremental = makeService();
  versions.forEach((text, i) => {
    const doc = { uri: URI, version: i + 1, text };
    const fresh = makeService();
    const freshDoc = { uri: URI, version: i + 1, text };
    assert.deepStrictEqual(withoutIdentity(incremental.model(doc)), withoutIdentity(fresh.model(freshDoc)), `version ${i + 1}: the incremental model differs from a fresh one`);
    const a = incremental.diagnostics(doc);
    const b = fresh.diagnostics(freshDoc);
    assert.deepStrictEqual(a, b, `version ${i + 1}: incremental diagnostics differ from a fresh analysis`);
  });
  noneSwallowed();
}

// ---- line endings -------------------------------------------------------------------------

const withoutText = ({ uri, version, text, lines, ...rest }: Postmortem) => (void uri, void version, void text, void lines, rest);

/** A document written with CRLF reads exactly as with LF: LSP columns never count the line break. */
export function checkLineEndings(text: string): void {
  swallowed.length = 0;
  const lf = text.replace(/\r\n?/g, '\n');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = makeService();
  const b = makeService();
  const docA = { uri: URI, version: 1, text: lf };
  const docB = { uri: URI, version: 1, text: crlf };
  assert.deepStrictEqual(withoutText(b.model(docB)), withoutText(a.model(docA)), 'the CRLF model differs from the LF one');
  assert.deepStrictEqual(b.diagnostics(docB), a.diagnostics(docA), 'CRLF diagnostics differ from LF ones');
  noneSwallowed();
}

// ---- the properties ------------------------------------------------------------------------

/** Keep failure reports readable: a case prints as its recipe, not as a megabyte of text. */
function printable<T extends object>(value: T, show: () => unknown): T {
  Object.defineProperty(value, fc.toStringMethod, {
    value: () => JSON.stringify(show(), (_, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}…(${v.length} chars)` : v)),
    enumerable: false,
  });
  return value;
}
const recipe = (s: Subject) => ({ base: s.base, mutations: s.mutations.map((m: Mutation) => m), length: s.text.length, text: s.text });

export type PropertyName = 'document' | 'incremental' | 'lineEndings';
/** Typed loosely so both runners can run any of them by name. */
type AnyProperty = fc.IProperty<unknown>;

export const PROPERTIES: Record<PropertyName, () => AnyProperty> = {
  /** One document, every service: no throw, ranges inside, quick fixes keep text, fix-all idempotent, render safe. */
  document: () =>
    fc.property(
      subjectArb.map((s) => printable({ ...s }, () => recipe(s))),
      fc.array(cursorArb, { minLength: 1, maxLength: 6 }),
      fc.constantFrom('webview' as const, 'standalone' as const),
      (subject, cursors, mode) =>
        observed(
          'document',
          () => subject.text,
          () => checkDocument(subject, cursors, mode),
        ),
    ) as unknown as AnyProperty,
  /** A series of edits: the service that reuses state agrees with a fresh one at every version. */
  incremental: () =>
    fc.property(
      editSequenceArb.map((s) => printable({ ...s }, () => ({ base: s.base, lengths: s.versions.map((v) => v.length), last: s.versions[s.versions.length - 1] }))),
      ({ versions }) =>
        observed(
          'incremental',
          () => versions.join('\n\n<!-- next version -->\n\n'),
          () => checkIncremental(versions),
        ),
    ) as unknown as AnyProperty,
  /** CRLF and LF give the same model and diagnostics. */
  lineEndings: () =>
    fc.property(
      subjectArb.map((s) => printable({ ...s }, () => recipe(s))),
      (subject) =>
        observed(
          'lineEndings',
          () => subject.text,
          () => checkLineEndings(subject.text),
        ),
    ) as unknown as AnyProperty,
};

/** How the runs are shared out (the document property is the broad one). */
export const SHARE: Record<PropertyName, number> = { document: 0.8, incremental: 0.14, lineEndings: 0.06 };
