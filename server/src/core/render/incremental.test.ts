// The preview is rendered again on every keystroke from what the previous render kept (pieces of the
// document body, formatted chart times). Whatever the edits, the page must be exactly that of a render
// from scratch, and the body exactly what one parse of the whole document gives.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { generatePostmortem, prng, STYLES, timelineLines } from '../../../../bench/generate';
import { EngineState, within } from '../state';
import { renderMarkdown } from './markdown';
import { bigList, rowGroups, splitChunks } from './chunks';
import { pieceCacheSize as piecesKept } from './pieces';

const FIXTURES = path.resolve(__dirname, '../../../../test/fixtures');
const templates = loadBuiltinTemplates();
const newService = () => createService({ templates, today: () => '2025-05-01' });
const OPTIONS = { mode: 'webview', nonce: 'testnonce0123456789abcdef', resourceBase: 'https://file+.vscode-resource.vscode-cdn.net/ws/', scriptUri: 'https://x.vscode-cdn.net/preview.js' } as const;
// What renders keep lives in an engine state, as in a service; a new state renders from scratch.
let state = new EngineState();
const clearRenderCaches = () => (state = new EngineState());
const body = (text: string, uri = 'file:///ws/pm.md', wholeDocument = false) =>
  within(state, () => renderMarkdown(text, { mode: 'webview', docUri: uri, resourceBase: OPTIONS.resourceBase, wholeDocument }));
const pieceCacheSize = () => within(state, piecesKept);

/** Three long lists (rendered in groups of items) and one that is not groupable (a thematic break in it). */
function longLists(): string {
  const bullets = Array.from({ length: 120 }, (_, i) =>
    i === 70 ? '- [ ] the first task, late in the list' : i % 17 === 5 ? '- ## Item heading' : i % 13 === 0 ? `- see [the runbook][rb] <b>${i}</b>` : `- **${i}:00**: entry \`${i}\``,
  );
  const ordered = Array.from({ length: 90 }, (_, i) => `${i + 3}) step ${i}${i % 11 === 0 ? ' - [x] not a task' : ''}`);
  const stars = Array.from({ length: 100 }, (_, i) => (i === 50 ? '* * *' : i % 9 === 0 ? '* - nested' : `* star ${i}`));
  return ['# Lists', '', ...bullets, '', 'Between.', '', ...ordered, '', 'And again.', '', ...stars, '', '[rb]: https://example.com/runbook', ''].join('\n');
}

/** Lines an author might type or paste, chosen to change how the lines around them group. */
const LINES = [
  '',
  '| 10:00 | Incident began |',
  '|---|---|',
  '- **11:44 PM**: Alert fired',
  '- [ ] **Fix the pool** - Owner: @mei',
  '1. first',
  '* * *',
  '  continued',
  '## Timeline',
  '```',
  '<!-- a comment that',
  'ends here -->',
  '[rb]: https://example.com/other',
  'Text[^1].',
  '> quote',
];
const CHARS = ['x', ' ', '|', '-', '*', '`', '#', '[', ']', '\n', '\n\n', '>', '1.'];

type Edit =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'insertLine'; line: number; text: string }
  | { kind: 'deleteLines'; line: number; count: number }
  | { kind: 'duplicateLine'; line: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...CHARS) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 8 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('insertLine' as const), line: fc.nat(), text: fc.constantFrom(...LINES) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteLines' as const), line: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicateLine' as const), line: fc.nat() }) },
);

function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'insert' || e.kind === 'delete') {
    const at = e.at % (text.length + 1);
    return text.slice(0, at) + (e.kind === 'insert' ? e.text : '') + text.slice(e.kind === 'insert' ? at : at + e.length);
  }
  const lines = text.split('\n');
  const line = e.line % lines.length;
  if (e.kind === 'insertLine') lines.splice(line, 0, e.text);
  else if (e.kind === 'deleteLines') lines.splice(line, Math.min(e.count, lines.length - 1));
  else lines.splice(line, 0, lines[line]!);
  return lines.join('\n');
}

const ARTICLE = '<article class="pm-doc">';
const documentPart = (b: string) => b.slice(b.indexOf(ARTICLE) + ARTICLE.length, -'</article>'.length);

/** After each edit: the page from kept pieces equals the page from scratch, and its document part
 *  equals a parse of the whole document (unless `whole` is false: too slow for 100 KB at every step). */
function checkEdits(text: string, edits: readonly Edit[], whole = true): void {
  const service = newService();
  const uri = 'file:///ws/incident.md';
  let version = 1;
  service.preview({ uri, version, text }, OPTIONS);
  for (const e of edits) {
    text = applyEdit(text, e);
    const doc = { uri, version: ++version, text };
    const kept = service.preview(doc, OPTIONS);
    const fresh = newService().preview(doc, OPTIONS);
    const step = `after ${JSON.stringify(e)} (step ${version - 1})`;
    assert.equal(kept.body, fresh.body, `body ${step}`);
    assert.equal(kept.html, fresh.html, `html ${step}`);
    if (whole) assert.equal(documentPart(kept.body), body(text, 'file:///ws/other.md', true), `document by chunks vs whole ${step}`);
  }
}

const RUNS = { seed: 20250501, numRuns: 4, endOnFailure: true };

describe('render: incremental re-render equals a render from scratch (property)', function () {
  this.timeout(240000);

  const fixtures = ['filled/classic.md', 'filled/standard.md', 'filled/report.md', 'filled/detailed.md', 'filled/sev.md', 'seeds/detailed.md', 'plain/readme-with-timeline.md'];
  for (const name of fixtures) {
    it(`random edits to ${name}`, () => {
      const text = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
      fc.assert(
        fc.property(fc.array(edit, { minLength: 10, maxLength: 20 }), (edits) => checkEdits(text, edits)),
        RUNS,
      );
    });
  }

  for (const style of STYLES) {
    it(`random edits to a generated ${style}-style post-mortem (long timeline and action items)`, () => {
      const text = generatePostmortem(style, 12_000, 3);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 10, maxLength: 20 }), (edits) => checkEdits(text, edits)),
        RUNS,
      );
    });
  }

  it('random edits to long lists (grouped items, a task late in the list, headings in items)', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 10, maxLength: 20 }), (edits) => checkEdits(longLists(), edits)),
      RUNS,
    );
  });

  for (const style of STYLES) {
    it(`typing, new lines and deleted lines in the timeline of a 100 KB ${style}-style post-mortem`, () => {
      const text = generatePostmortem(style, 100_000, 42);
      const rows = timelineLines(text, style);
      const random = prng(11);
      // A position 12 characters into a line (or its end): in the event text of a row.
      const inLine = (t: string, line: number) => {
        const lines = t.split('\n');
        return lines.slice(0, line).join('\n').length + (line ? 1 : 0) + Math.min(12, lines[line]!.length);
      };
      const edits: Edit[] = [];
      let current = text;
      for (let i = 0; i < 7; i++) {
        const line = rows[Math.floor(rows.length * (0.2 + 0.6 * random()))]! + (i > 3 ? 1 : 0);
        const e: Edit = i === 4 ? { kind: 'insertLine', line, text: '' } : i === 6 ? { kind: 'deleteLines', line: rows[3]!, count: 1 } : { kind: 'insert', at: inLine(current, line), text: 'x' };
        edits.push(e);
        current = applyEdit(current, e);
      }
      checkEdits(text, edits, false);
      assert.equal(body(current), body(current, 'file:///ws/other.md', true), 'document by chunks vs whole, at the end');
    });
  }
});

describe('render: long lists and tables in groups', () => {
  it('renders a long list in groups of items exactly as the whole list', () => {
    const text = longLists();
    const chunks = splitChunks(text.split('\n'));
    // # Lists | bullets (2..121) | Between. | ordered (125..214) | And again. | stars (218..317) | [rb]
    assert.deepEqual(
      chunks.map((c) => [c.start, bigList(c.text)?.loose ?? null]),
      [
        [0, null],
        [2, false],
        [123, null],
        [125, false],
        [216, null],
        [218, null],
        [319, null],
      ],
    );
    const html = body(text);
    assert.equal(html, body(text, 'file:///ws/other.md', true));
    // The task in item 70 makes the whole list a task list, opened on its first line.
    assert.match(html, /<ul class="contains-task-list" data-line="2">\n<li data-line="2">see <a href="https:\/\/example.com\/runbook" title="https:\/\/example.com\/runbook">the runbook<\/a> 0<\/li>/);
    assert.match(html, /<li class="task-list-item" data-line="72"><input type="checkbox" disabled> the first task, late in the list<\/li>/);
    // Headings in items 5, 22, 39, ... are numbered across groups; item 39 is on line 41.
    assert.match(html, /<li data-line="41">\n<h2 data-line="41" id="item-heading-2">Item heading<\/h2>\n<\/li>/);
    assert.match(html, /<ol start="3" data-line="125">\n<li data-line="125">step 0 - \[x\] not a task<\/li>/);
    assert.match(html, /<li data-line="214">step 89<\/li>\n<\/ol>/);

    // A blank line between two items (Enter pressed after one) makes every item of the list a paragraph.
    const lines = text.split('\n');
    lines.splice(100, 0, '');
    const loose = lines.join('\n');
    assert.equal(bigList(splitChunks(loose.split('\n'))[1]!.text)?.loose, true);
    const looseHtml = body(loose);
    assert.equal(looseHtml, body(loose, 'file:///ws/other.md', true));
    assert.match(looseHtml, /<li data-line="3">\n<p><strong>1:00<\/strong>: entry <code>1<\/code><\/p>\n<\/li>/);
    assert.match(looseHtml, /<li data-line="101">\n<p><strong>98:00<\/strong>: entry <code>98<\/code><\/p>\n<\/li>/);
  });

  it('reads definitions, footnotes and open blocks as the whole document does', () => {
    const cases: [string, string][] = [
      // The first definition of a label wins, also over one in the chunk with the reference.
      ['[a]: https://one.example\n\n[a]: https://two.example\nText [a].', '<p data-line="3">Text <a href="https://one.example" title="https://one.example">a</a>.</p>'],
      // A definition cannot interrupt a paragraph: that line is text and defines nothing.
      [
        'Para line\n[a]: https://x.example\n\n[a] link?',
        '<p data-line="0">Para line\n[a]: <a href="https://x.example" title="https://x.example">https://x.example</a></p>\n<p data-line="3">[a] link?</p>',
      ],
      // Definitions in a quote count for the whole document, on one line or on two.
      ['> [q]: https://q.example\n\nSee [q].', '<blockquote data-line="0">\n</blockquote>\n<p data-line="2">See <a href="https://q.example" title="https://q.example">q</a>.</p>'],
      ['> [m]:\n> https://m.example\n\nSee [m].', '<blockquote data-line="0">\n</blockquote>\n<p data-line="3">See <a href="https://m.example" title="https://m.example">m</a>.</p>'],
      // Code left open runs to the end of the document, trailing spaces and blank lines included.
      ['```\ncode  \n\n', '<pre data-line="0"><code>code  \n\n</code></pre>'],
      // A processing instruction goes on past blank lines to its `?>` (and is left out, as raw HTML).
      ['<?php\n\necho 1;\n?>\n\nafter', '<p data-line="5">after</p>'],
    ];
    for (const [text, expected] of cases) {
      assert.equal(body(text), expected, text);
      assert.equal(body(text, 'file:///ws/other.md', true), expected, `${text} (whole)`);
    }
    // A footnote in a quote: the document is rendered whole, its note collected at the end.
    const text = '> [^1]: note\n\nText[^1].';
    assert.equal(body(text), body(text, 'file:///ws/other.md', true));
    assert.match(body(text), /<p data-line="2">Text<sup><a href="#user-content-fn-1" id="user-content-fnref-1" data-footnote-ref/);
  });

  it('groups rows by their text: an edit changes the group it is in, rarely more', () => {
    const random = prng(5);
    const row = () => `| ${Math.floor(random() * 24)}:${Math.floor(random() * 60)} | Event ${Math.floor(random() * 1e9)} |`;
    const groups = (rows: string[]) => {
      const starts = rowGroups(rows);
      return starts.map((s, g) => rows.slice(s, starts[g + 1]));
    };
    let changed = 0;
    for (let t = 0; t < 200; t++) {
      const rows = Array.from({ length: 300 }, row);
      const before = groups(rows);
      assert.ok(
        before.slice(0, -1).every((g) => g.length >= 4 && g.length <= 40),
        'groups of 4 to 40 rows',
      );
      const k = Math.floor(random() * (rows.length - 10));
      const op = t % 3;
      if (op === 0) rows.splice(k, 0, row());
      else if (op === 1) rows.splice(k, 1);
      else rows[k] += 'x';
      const after = groups(rows);
      const kept = new Set(before.map((g) => g.join('\n')));
      // Groups that end before the edited row are the same groups.
      let rowsBefore = 0;
      let untouched = 0;
      while (rowsBefore + before[untouched]!.length <= k) rowsBefore += before[untouched++]!.length;
      assert.deepEqual(after.slice(0, untouched), before.slice(0, untouched));
      changed += after.filter((g) => !kept.has(g.join('\n'))).length;
    }
    // About 12 rows to a group, 25 groups: re-rendering everything after the edit would be ~12 groups on average.
    assert.ok(changed / 200 < 1.5, `groups changed per edit: ${changed / 200}`);
  });

  it('keeps only the pieces of the last two versions of each document, for a few documents', () => {
    clearRenderCaches();
    let text = generatePostmortem('classic', 30_000, 8);
    body(text);
    const fresh = pieceCacheSize().pieces;
    assert.ok(fresh > 30, `pieces of a 30 KB document: ${fresh}`);
    for (let i = 0; i < 60; i++) {
      const lines = text.split('\n');
      lines[40 + (i % 30)] += 'x';
      text = lines.join('\n');
      body(text);
      // Each edit changes one chunk or group: the version before it had one piece that this one has not.
      assert.ok(pieceCacheSize().pieces <= fresh + 2, `after edit ${i}: ${pieceCacheSize().pieces} pieces, ${fresh} in one version`);
    }
    body(text);
    const kept = pieceCacheSize().pieces;
    clearRenderCaches();
    body(text);
    assert.equal(kept, pieceCacheSize().pieces, 'rendered twice: the pieces of that version only');
    for (let i = 0; i < 20; i++) body(`# Doc ${i}\n\ntext`, `file:///ws/doc${i}.md`);
    assert.equal(pieceCacheSize().documents, 8);
  });
});
