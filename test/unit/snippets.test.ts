// The contributed snippets: fresh from the templates, valid VS Code snippet syntax, and each whole
// skeleton, filled in the way an author would, is a finished post-mortem of its template.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DateTime } from 'luxon';
import { SNIPPETS_FILE, buildSnippets, optionList, snippetsText, type Snippet } from '../../scripts/gen-snippets';
import { loadBuiltinTemplates } from '../../server/src/node/builtinTemplates';
import { createService } from '../../server/src/core/service';
import type { TemplateSpec } from '../../server/src/core/template/schema';

const ROOT = path.resolve(__dirname, '../..');

// --- A parser for the VS Code snippet grammar (the subset without transforms) ------------------

type SnippetNode =
  | { kind: 'text'; value: string }
  | { kind: 'tabstop'; index: number }
  | { kind: 'placeholder'; index: number; children: SnippetNode[] }
  | { kind: 'choice'; index: number; options: string[] }
  | { kind: 'variable'; name: string; children: SnippetNode[] | null };

const VARIABLES = new Set([
  'TM_SELECTED_TEXT',
  'TM_CURRENT_LINE',
  'TM_CURRENT_WORD',
  'TM_LINE_INDEX',
  'TM_LINE_NUMBER',
  'TM_FILENAME',
  'TM_FILENAME_BASE',
  'TM_DIRECTORY',
  'TM_FILEPATH',
  'RELATIVE_FILEPATH',
  'CLIPBOARD',
  'WORKSPACE_NAME',
  'WORKSPACE_FOLDER',
  'CURSOR_INDEX',
  'CURSOR_NUMBER',
  'CURRENT_YEAR',
  'CURRENT_YEAR_SHORT',
  'CURRENT_MONTH',
  'CURRENT_MONTH_NAME',
  'CURRENT_MONTH_NAME_SHORT',
  'CURRENT_DATE',
  'CURRENT_DAY_NAME',
  'CURRENT_DAY_NAME_SHORT',
  'CURRENT_HOUR',
  'CURRENT_MINUTE',
  'CURRENT_SECOND',
  'CURRENT_SECONDS_UNIX',
  'CURRENT_TIMEZONE_OFFSET',
  'RANDOM',
  'RANDOM_HEX',
  'UUID',
  'BLOCK_COMMENT_START',
  'BLOCK_COMMENT_END',
  'LINE_COMMENT',
]);

/** Strict: an unescaped `$` must start a tab stop, placeholder, choice or known variable; braces must balance. */
export function parseSnippet(src: string): SnippetNode[] {
  let pos = 0;
  const fail = (why: string): never => {
    throw new SyntaxError(`${why} at ${pos} in ${JSON.stringify(src)}`);
  };
  const int = () => {
    const m = /^\d+/.exec(src.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    return Number(m[0]);
  };
  const name = () => {
    const m = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(src.slice(pos));
    if (!m) return null;
    pos += m[0].length;
    if (!VARIABLES.has(m[0])) fail(`unknown variable ${m[0]}`);
    return m[0];
  };
  const choice = (): string[] => {
    const options: string[] = [];
    let cur = '';
    for (;;) {
      const c = src[pos];
      if (c === undefined) fail('unclosed choice');
      if (c === '\\' && /[\\,|]/.test(src[pos + 1] ?? '')) {
        cur += src[pos + 1];
        pos += 2;
      } else if (c === ',') {
        options.push(cur);
        cur = '';
        pos++;
      } else if (c === '|') {
        if (src[pos + 1] !== '}') fail('choice must end with |}');
        pos += 2;
        options.push(cur);
        return options;
      } else if (c === '$' || c === '}') fail(`unescaped ${c} in a choice`);
      else {
        cur += c;
        pos++;
      }
    }
  };
  const seq = (inside: boolean): SnippetNode[] => {
    const out: SnippetNode[] = [];
    const text = (t: string) => {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.value += t;
      else out.push({ kind: 'text', value: t });
    };
    while (pos < src.length) {
      const c = src[pos]!;
      if (c === '\\' && /[$}\\]/.test(src[pos + 1] ?? '')) {
        text(src[pos + 1]!);
        pos += 2;
      } else if (c === '}') {
        if (!inside) fail('unbalanced }');
        pos++;
        return out;
      } else if (c === '$') {
        pos++;
        if (src[pos] === '{') {
          pos++;
          const index = int();
          if (index !== null) {
            const next = src[pos++];
            if (next === '}') out.push({ kind: 'tabstop', index });
            else if (next === ':') out.push({ kind: 'placeholder', index, children: seq(true) });
            else if (next === '|') out.push({ kind: 'choice', index, options: choice() });
            else fail('expected }, : or | after a tab stop number');
          } else {
            const v = name() ?? fail('expected a number or a variable name after ${');
            const next = src[pos++];
            if (next === '}') out.push({ kind: 'variable', name: v, children: null });
            else if (next === ':') out.push({ kind: 'variable', name: v, children: seq(true) });
            else fail('expected } or : after a variable name');
          }
        } else {
          const index = int();
          if (index !== null) out.push({ kind: 'tabstop', index });
          else out.push({ kind: 'variable', name: name() ?? fail('unescaped $'), children: null });
        }
      } else {
        text(c);
        pos++;
      }
    }
    if (inside) fail('unclosed ${');
    return out;
  };
  return seq(false);
}

function walk(nodes: SnippetNode[], visit: (n: SnippetNode) => void): void {
  for (const n of nodes) {
    visit(n);
    if ((n.kind === 'placeholder' || n.kind === 'variable') && n.children) walk(n.children, visit);
  }
}

/** Expand a snippet as VS Code would, with `fill` choosing each tab stop's text. */
function render(nodes: SnippetNode[], fill: (n: SnippetNode, defaultText: string) => string, vars: Record<string, string>): string {
  return nodes
    .map((n) => {
      switch (n.kind) {
        case 'text':
          return n.value;
        case 'variable':
          return vars[n.name] ?? (n.children ? render(n.children, fill, vars) : '');
        case 'tabstop':
          return fill(n, '');
        case 'choice':
          return fill(n, n.options[0]!);
        case 'placeholder':
          return fill(n, render(n.children, fill, vars));
      }
    })
    .join('');
}

const hasVariable = (n: SnippetNode) => {
  let found = false;
  if (n.kind === 'placeholder') walk(n.children, (c) => (found ||= c.kind === 'variable'));
  return found;
};

const DATE_VARS = { CURRENT_YEAR: '2026', CURRENT_MONTH: '11', CURRENT_DATE: '26' };

/** What an author would type: the first choice, the variables' value (a fixed date), sample text. */
function authorFill(template: TemplateSpec) {
  let minute = 0;
  const time = (format: string) =>
    DateTime.fromISO('2026-11-26T10:15:00', { zone: 'UTC' })
      .plus({ minutes: (minute += 7) })
      .toFormat(format, { locale: 'en-US' });
  return (n: SnippetNode, def: string): string => {
    if (n.kind === 'choice' || hasVariable(n) || /^\d+(?:\.\d+)*$|^AI-\d/.test(def)) return def;
    if (def === 'HH:MM') return time('HH:mm');
    if (/\btime\b|timestamp/i.test(def)) return time(template.timeline.timeFormat);
    const short = def.length <= 40;
    if (short && /(?<![-\w])names?\b|username|engineer|attendees|responders|commander|^@/i.test(def)) return 'Dana Kim';
    if (short && /duration|downtime|\bhours?\b|\bminutes?\b/i.test(def)) return '45 minutes';
    if (/^\[?INC-|INCIDENT-ID/.test(def)) return 'INC-20261126-001';
    if (/%|percent/i.test(def)) return '12%';
    if (/\$X|estimated loss|revenue/i.test(def)) return '$4,000';
    return 'Checkout requests failed for EU customers';
  };
}

const bodyOf = (s: Snippet) => s.body.join('\n');

// --- Tests --------------------------------------------------------------------------------------

describe('snippet parser', () => {
  it('reads tab stops, placeholders, choices, variables and escapes', () => {
    assert.deepEqual(parseSnippet('a $1 ${2} ${3:x ${4:y}} ${5|A,B\\,C|} $CURRENT_YEAR ${UUID} \\$5 \\} \\\\'), [
      { kind: 'text', value: 'a ' },
      { kind: 'tabstop', index: 1 },
      { kind: 'text', value: ' ' },
      { kind: 'tabstop', index: 2 },
      { kind: 'text', value: ' ' },
      {
        kind: 'placeholder',
        index: 3,
        children: [
          { kind: 'text', value: 'x ' },
          { kind: 'placeholder', index: 4, children: [{ kind: 'text', value: 'y' }] },
        ],
      },
      { kind: 'text', value: ' ' },
      { kind: 'choice', index: 5, options: ['A', 'B,C'] },
      { kind: 'text', value: ' ' },
      { kind: 'variable', name: 'CURRENT_YEAR', children: null },
      { kind: 'text', value: ' ' },
      { kind: 'variable', name: 'UUID', children: null },
      { kind: 'text', value: ' $5 } \\' },
    ]);
  });

  for (const bad of ['${1:open', 'stray }', 'cost $X', '${1|a,b}', '${1|a,b|', '${NOT_A_VARIABLE}', '${1 x}', '${:x}', 'a ${2:b}}']) {
    it(`rejects ${JSON.stringify(bad)}`, () => {
      assert.throws(() => parseSnippet(bad), SyntaxError);
    });
  }
});

describe('option lists (choices in snippets)', () => {
  it('reads the vocabularies the templates write', () => {
    assert.deepEqual(optionList('[Critical/High/Medium/Low]'), ['Critical', 'High', 'Medium', 'Low']);
    assert.deepEqual(optionList('P0 | P1 | P2 | P3'), ['P0', 'P1', 'P2', 'P3']);
    assert.deepEqual(optionList('[P0, P1, P2]'), ['P0', 'P1', 'P2']);
    assert.deepEqual(optionList('SEV-1 / SEV-2 / SEV-3 / SEV-4'), ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4']);
    assert.deepEqual(optionList('Monitoring / Customer report / Internal team / Other'), ['Monitoring', 'Customer report', 'Internal team', 'Other']);
    assert.deepEqual(optionList('(Yes/No)'), ['Yes', 'No']);
  });
  it('leaves phrases alone', () => {
    assert.equal(optionList('[Brief description of user/system impact]'), null);
    assert.equal(optionList('Regions / tenants affected'), null);
    assert.equal(optionList('[Yes/No, why/why not]'), null);
    assert.equal(optionList('[Name]'), null);
  });
});

describe('snippets/postmortem.code-snippets', () => {
  const templates = loadBuiltinTemplates();
  const snippets = buildSnippets(templates);
  const all = Object.entries(snippets);
  const byPrefix = new Map(all.map(([, s]) => [s.prefix, s]));

  it('is fresh (regenerate with `npx tsx scripts/gen-snippets.ts`)', () => {
    assert.equal(fs.readFileSync(path.join(ROOT, SNIPPETS_FILE), 'utf8'), snippetsText(templates));
  });

  it('is contributed for markdown in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.snippets, [{ language: 'markdown', path: `./${SNIPPETS_FILE}` }]);
  });

  it('has unique prefixes', () => {
    assert.equal(byPrefix.size, all.length);
  });

  it('covers every template, every section, each row shape and the building blocks', () => {
    const expected = ['pm-timeline-entry', 'pm-action-item', 'pm-5-whys', 'pm-impact'];
    for (const t of templates) {
      expected.push(`pm-${t.id}`);
      for (const s of t.sections) expected.push(`pm-${t.id}-${s.role === 'title' ? 'title' : s.id}`);
    }
    expected.push('pm-standard-timeline-row', 'pm-report-timeline-row', 'pm-sev-timeline-row');
    expected.push('pm-standard-action-row', 'pm-report-action-row', 'pm-sev-action-row');
    assert.deepEqual([...byPrefix.keys()].sort(), expected.sort());
  });

  for (const [name, snippet] of all) {
    it(`${snippet.prefix} parses, with tab stops numbered 1..n once each`, () => {
      const nodes = parseSnippet(bodyOf(snippet));
      const indexes: number[] = [];
      walk(nodes, (n) => {
        if (n.kind === 'tabstop' || n.kind === 'placeholder' || n.kind === 'choice') indexes.push(n.index);
      });
      assert.ok(indexes.length > 0, `${name} has no tab stops`);
      assert.deepEqual(
        indexes,
        indexes.map((_, i) => i + 1),
      );
    });
  }

  it('offers each fixed vocabulary as a choice', () => {
    const body = (p: string) => bodyOf(byPrefix.get(p)!);
    for (const t of templates) assert.ok(body(`pm-${t.id}`).includes(`|${t.severity.values.join(',')}|}`), `${t.id} severity`);
    assert.match(body('pm-standard'), /\*\*Status:\*\* \$\{\d+\|Resolved,Mitigated,Monitoring\|\}/);
    assert.match(body('pm-sev-action-row'), /\| \$\{4\|P0,P1,P2\|\} \| \$\{5:\$CURRENT_YEAR-\$CURRENT_MONTH-\$CURRENT_DATE\} \| \$\{6\|Open,In Progress,Blocked,Closed\|\} \|$/);
    assert.match(body('pm-standard-action-row'), /\$\{4\|Not Started,In Progress,Blocked,Done\|\} \|$/);
    assert.match(body('pm-sev-resolution'), /\*\*Rollback Needed:\*\* \$\{3\|Yes,No\|\}/);
    assert.equal(body('pm-classic-title').split('\n')[2], '**Date:** ${2:$CURRENT_YEAR-$CURRENT_MONTH-$CURRENT_DATE}');
  });

  for (const t of loadBuiltinTemplates()) {
    it(`pm-${t.id}, filled in, is a ${t.id} post-mortem with no placeholder left`, () => {
      const service = createService({ templates, today: () => '2026-11-26' });
      const text = render(parseSnippet(bodyOf(byPrefix.get(`pm-${t.id}`)!)), authorFill(t), DATE_VARS);
      const doc = { uri: `file:///ws/${t.id}-filled.md`, version: 1, text };
      const model = service.model(doc);
      assert.equal(model.isPostmortem, true, model.detection);
      assert.equal(model.templateId, t.id, model.detection);
      const left = service.diagnostics(doc).filter((d) => d.code === 'placeholder');
      assert.deepEqual(
        left.map((d) => `${d.range.start.line + 1}: ${d.message}`),
        [],
      );
    });

    it(`pm-${t.id}, with its defaults left, still shows its placeholders`, () => {
      const service = createService({ templates, today: () => '2026-11-26' });
      const text = render(parseSnippet(bodyOf(byPrefix.get(`pm-${t.id}`)!)), (_n, def) => def, DATE_VARS);
      const doc = { uri: `file:///ws/${t.id}-defaults.md`, version: 1, text };
      assert.equal(service.model(doc).templateId, t.id);
      assert.ok(service.diagnostics(doc).filter((d) => d.code === 'placeholder').length >= 10);
    });
  }
});
