// What a new user meets first, over real LSP: the new document as a snippet, findings that never
// overlap, the incident-id fix, event completion on the row snippet's placeholder, fix-all in the
// quick-fix menu, links from findings to their documentation, and plain outline labels.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  CompletionItemKind,
  CompletionRequest,
  DocumentSymbolRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type DocumentSymbol,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { startServer, applyEdits, fixture as read, ROOT, type LspSession } from './harness';
import { RULES } from '../../server/src/core/rules';
import { ruleDocs } from '../../server/src/core/diagnose';
import { NEW_DOCUMENT_REQUEST, type NewDocumentResult } from '../../server/src/protocol';

const IDS = ['classic', 'standard', 'report', 'detailed', 'sev'];
const localToday = () => {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
};
const cmp = (a: Range['start'], b: Range['start']) => a.line - b.line || a.character - b.character;
const overlap = (a: Range, b: Range) => cmp(a.start, b.end) < 0 && cmp(b.start, a.end) < 0;
const line = (n: number, from = 0, to = from): Range => ({ start: { line: n, character: from }, end: { line: n, character: to } });

/** The text a snippet inserts when every tab stop keeps its default (a choice: its first value). */
function expandSnippet(snippet: string): { text: string; stops: { range: Range; choices: string[] | null }[] } {
  let text = '';
  const stops: { range: Range; choices: string[] | null }[] = [];
  const pos = () => {
    const lines = text.split('\n');
    return { line: lines.length - 1, character: lines[lines.length - 1]!.length };
  };
  const unescape = (s: string) => s.replace(/\\([\\$}|,])/g, '$1');
  const re = /\\([\\$}])|\$\{(\d+)(?::((?:\\.|[^\\}])*)|\|((?:\\.|[^\\|])*)\|)\}|\$0/g;
  let at = 0;
  for (const m of snippet.matchAll(re)) {
    text += snippet.slice(at, m.index);
    at = m.index + m[0].length;
    if (m[1]) text += m[1];
    else if (m[2]) {
      const choices = m[4] !== undefined ? m[4].split(/(?<!\\),/).map(unescape) : null;
      const start = pos();
      text += choices ? choices[0]! : unescape(m[3] ?? '');
      stops.push({ range: { start, end: pos() }, choices });
    }
  }
  return { text: text + snippet.slice(at), stops };
}

/** GitHub's heading anchors for a markdown file. */
function anchors(markdown: string): Set<string> {
  const out = new Set<string>();
  let fenced = false;
  for (const l of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(l)) fenced = !fenced;
    const m = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(l);
    if (m)
      out.add(
        m[1]!
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\s_-]/gu, '')
          .replace(/\s/g, '-'),
      );
  }
  return out;
}

describe("a new user's first steps over LSP", function () {
  this.timeout(60000);
  let s: LspSession;
  before(async () => {
    s = await startServer();
  });
  after(async () => {
    await s.stop();
  });

  const newDocument = (templateId: string) => s.connection.sendRequest<NewDocumentResult>(NEW_DOCUMENT_REQUEST, { templateId });
  const actionsAt = async (uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]) =>
    ((await s.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics, ...(only ? { only } : {}) } })) ?? []) as CodeAction[];

  for (const id of IDS) {
    it(`${id}: no two findings of one rule overlap, in the template's raw text or a new document`, async () => {
      const { text } = await newDocument(id);
      for (const [name, doc] of [
        [`seeds/${id}.md`, read(`seeds/${id}.md`)],
        [`new/${id}.md`, text],
      ] as const) {
        const found = await s.open(`file:///ws/overlap/${name}`, doc);
        for (const [i, a] of found.entries()) {
          for (const b of found.slice(i + 1)) {
            // Findings about different things anchored at one place (fields missing under a heading) may share it.
            const anchored = JSON.stringify(a.range) === JSON.stringify(b.range) && a.message !== b.message;
            if (a.code === b.code && !anchored)
              assert.ok(!overlap(a.range, b.range), `${name}: ${a.code} reported twice on line ${a.range.start.line + 1}: ${JSON.stringify(a.message)} and ${JSON.stringify(b.message)}`);
          }
        }
      }
    });

    it(`${id}: a new document comes as a snippet whose tab stops cover every unfilled placeholder`, async () => {
      const { text, snippet } = await newDocument(id);
      assert.ok(snippet, 'the request returns a snippet');
      const { text: expanded, stops } = expandSnippet(snippet);
      assert.equal(expanded, text, 'the snippet with its defaults is the plain document');
      const found = (await s.open(`file:///ws/snippet/${id}.md`, text)).filter((d) => d.code === 'placeholder' && d.range.start.line === d.range.end.line);
      assert.ok(found.length > 0);
      const lines = text.split('\n');
      for (const d of found) {
        // A template pattern matching a whole list line: the stop holds the item's text, after its bullet.
        const lead = /^\s*(?:[-*+]\s+)?/.exec(lines[d.range.start.line]!.slice(d.range.start.character, d.range.end.character))![0].length;
        const start = { line: d.range.start.line, character: d.range.start.character + lead };
        assert.ok(
          stops.some((t) => cmp(t.range.start, start) <= 0 && cmp(d.range.end, t.range.end) <= 0),
          `no tab stop over ${d.message} (line ${d.range.start.line + 1})`,
        );
      }
    });
  }

  it('sev: severity and status are choices of their values, the unfilled text first', async () => {
    const { snippet } = await newDocument('sev');
    const { text, stops } = expandSnippet(snippet!);
    const lines = text.split('\n');
    const choice = (key: string) => stops.find((t) => lines[t.range.start.line]!.includes(`**${key}:**`))?.choices;
    assert.deepEqual(choice('Severity'), ['SEV-1 / SEV-2 / SEV-3 / SEV-4', 'SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    assert.deepEqual(choice('Status'), ['Template', 'Draft', 'In Review', 'Approved', 'Final']);
  });

  it('the incident-id placeholder fix writes an id in its own shape, after the ids of the open documents', async () => {
    const today = localToday();
    await s.open('file:///ws/ids/a.md', read('filled/sev.md').replace(/INC-\d{8}-\d{3}/, `INC-${today}-001`));
    await s.open('file:///ws/ids/b.md', read('filled/sev.md').replace(/INC-\d{8}-\d{3}/, `INC-${today}-007`));
    const uri = 'file:///ws/ids/new.md';
    const text = read('filled/sev.md').replace(/INC-\d{8}-\d{3}/, 'INC-YYYYMMDD-###');
    const found = (await s.open(uri, text)).filter((d) => d.code === 'placeholder' && String(d.message).includes('INC-YYYYMMDD-###'));
    assert.equal(found.length, 1);
    const fixes = (await actionsAt(uri, found[0]!.range, found)).filter((a) => a.diagnostics?.length === 1);
    assert.deepEqual(
      fixes.map((a) => a.title),
      [`Replace INC-YYYYMMDD-### with a new incident id (INC-${today}-008)`],
    );
    const fixed = applyEdits(text, fixes[0]!.edit!.changes![uri]!);
    assert.match(fixed, new RegExp(`\\*\\*Incident ID:\\*\\* INC-${today}-008\\n`));
  });

  it('completion on the `event` a new timeline row leaves selected offers the phase events in its place', async () => {
    const uri = 'file:///ws/event.md';
    const text = read('filled/standard.md');
    const lines = text.split('\n');
    const last = Math.max(...lines.map((l, i) => (/^\| \d{1,2}:\d{2}/.test(l) ? i : -1)));
    assert.ok(last > 0);
    const row = `| ${/^\| ([^|]+?) \|/.exec(lines[last]!)![1]} | event |`;
    lines.splice(last + 1, 0, row);
    await s.open(uri, lines.join('\n'));
    const at = row.indexOf('event') + 'event'.length;
    const items = (await s.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: last + 1, character: at } })) as CompletionItem[];
    const events = items.filter((i) => i.kind === CompletionItemKind.Event);
    assert.ok(events.length > 0, `phase events offered; got ${JSON.stringify(items.map((i) => i.label))}`);
    for (const item of events) {
      const edit = item.textEdit as TextEdit;
      assert.equal(edit.range.start.character, row.indexOf('event'), 'replaces the placeholder');
      // What VS Code filters by: the text from the edit's start to the cursor must match the filter text.
      const typed = row.slice(edit.range.start.character, at);
      assert.ok((item.filterText ?? item.label).startsWith(typed), `${item.label}: filter text ${JSON.stringify(item.filterText)} does not start with ${JSON.stringify(typed)}`);
    }
  });

  it('Ctrl+. on a fixable finding offers fix-all for the document and for its rule; only findings in the range get quick fixes', async () => {
    const uri = 'file:///ws/fixall.md';
    const text = read('filled/standard.md').replace('**Date:** 2025-02-18', '**Date:** 18/02/2025').replace('**Last Updated:** 2025-02-21', '**Last Updated:** 21/02/2025');
    const all = await s.open(uri, text);
    const dates = all.filter((d) => d.code === 'invalid-date');
    assert.equal(dates.length, 2);
    const first = dates.find((d) => text.split('\n')[d.range.start.line]!.includes('Last Updated'))!;
    // The client may send every finding: only the one in the range gets its quick fix.
    const actions = await actionsAt(uri, first.range, all);
    const titles = actions.map((a) => a.title);
    assert.deepEqual(
      titles.filter((t) => t.startsWith('Rewrite')),
      ["Rewrite '21/02/2025' as 2025-02-21"],
    );
    assert.ok(titles.includes("Fix all 'invalid-date' problems"), JSON.stringify(titles));
    assert.ok(titles.includes('Fix all auto-fixable problems in this document'), JSON.stringify(titles));
    const perRule = actions.find((a) => a.title === "Fix all 'invalid-date' problems")!;
    assert.equal(perRule.kind, 'quickfix');
    const fixed = applyEdits(text, perRule.edit!.changes![uri]!);
    assert.ok(fixed.includes('**Date:** 2025-02-18') && fixed.includes('**Last Updated:** 2025-02-21'), 'both dates rewritten');
    // One path: the per-rule action equals the source fix-all when the rule is the only fixable one.
    const source = (await actionsAt(uri, line(0), all, ['source.fixAll.postmortem']))[0]!;
    assert.equal(applyEdits(text, source.edit!.changes![uri]!), fixed);
    const document = actions.find((a) => a.title === 'Fix all auto-fixable problems in this document')!;
    assert.equal(applyEdits(text, document.edit!.changes![uri]!), fixed);
    // A rule with one finding gets no per-rule action; a range without findings gets no quick fix.
    const one = read('filled/standard.md').replace('**Date:** 2025-02-18', '**Date:** 18/02/2025');
    const oneAll = await s.change(uri, one);
    const oneDate = oneAll.find((d) => d.code === 'invalid-date')!;
    const oneTitles = (await actionsAt(uri, oneDate.range, oneAll)).map((a) => a.title);
    assert.ok(!oneTitles.some((t) => t.startsWith("Fix all 'invalid-date'")) && oneTitles.includes('Fix all auto-fixable problems in this document'), JSON.stringify(oneTitles));
    const empty = one.split('\n').findIndex((l) => l === '');
    assert.deepEqual(await actionsAt(uri, line(empty), oneAll, ['quickfix']), []);
  });

  it("every finding links to its rule's section of the README, and every anchor exists", async () => {
    const readme = anchors(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
    const codes = new Set<string>();
    const docs = IDS.flatMap((id) => [`seeds/${id}.md`, `filled/${id}.md`]).map((p) => [p, read(p)] as const);
    // A few more rules: an unreadable date, a metric and a duration that disagree, a missing section.
    const broken = read('filled/standard.md')
      .replace('**Date:** 2025-02-18', '**Date:** 18/02/2025')
      .replace(/^## Lessons[\s\S]*?(?=^## )/m, '');
    for (const [name, text] of [...docs, ['broken.md', broken] as const]) {
      for (const d of await s.open(`file:///ws/links/${name}`, text)) {
        const href = d.codeDescription?.href;
        assert.ok(href, `${String(d.code)} has no codeDescription`);
        const [page, anchor] = href.split('#');
        assert.equal(page, 'https://github.com/postmortem-author/postmortem-author/blob/main/README.md');
        assert.ok(readme.has(anchor!), `README has no heading for #${anchor}`);
        codes.add(String(d.code));
      }
    }
    assert.ok(codes.size >= 3, `several rules seen: ${[...codes].join(', ')}`);
    // And every rule, including those no fixture triggers.
    for (const rule of RULES) assert.ok(readme.has(ruleDocs(rule).split('#')[1]!), `README has no section for ${rule.id}`);
  });

  it('outline labels are plain text: no markdown marks, no dangling "(" where the owner was', async () => {
    const uri = 'file:///ws/outline.md';
    const text = [
      '---',
      'template: classic',
      '---',
      '# Incident Post-Mortem: Checkout down',
      '',
      '## Action Items',
      '',
      '- [ ] Add a pool alert (Owner: @mei, Due: 2026-12-20)',
      '- [ ] **Connection recycling runbook**: Document how to recycle - Owner: Mei Lin, Due: 2027-01-12',
      '- [ ] Write `runbook` for *drains* (Owner: @x)',
      '',
    ].join('\n');
    await s.open(uri, text);
    const symbols = (await s.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const items = symbols[0]!.children!.find((c) => c.name === 'Action Items')!.children!.map((c) => c.name);
    assert.deepEqual(items, ['Add a pool alert', 'Connection recycling runbook: Document how to recycle', 'Write runbook for drains']);
  });
});
