// Inputs for the fuzz suite: the seed templates and filled fixtures, mutated line by line and as a
// whole (encodings, line endings, nesting, huge lines, hostile markup), plus cursor positions.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

const FIXTURES = path.resolve(__dirname, '../fixtures');

/** The documents every case starts from: each seed template and each filled report. */
export const BASES: readonly { name: string; text: string }[] = ['seeds', 'filled'].flatMap((dir) =>
  fs
    .readdirSync(path.join(FIXTURES, dir))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => ({ name: `${dir}/${f}`, text: fs.readFileSync(path.join(FIXTURES, dir, f), 'utf8') })),
);

/** Every line of every fixture: moving one into another document mixes templates and shapes. */
const FIXTURE_LINES = [...new Set(BASES.flatMap((b) => b.text.split('\n')).filter((l) => l.trim()))];

const HOSTILE_LINES = [
  // fences, indented code, raw HTML and comments that never close
  '```',
  '~~~',
  '````js',
  '```mermaid',
  '    indented code',
  '<script>alert(1)</script>',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<!-- postmortem-disable -->',
  '<!-- postmortem-disable placeholder missing-field -->',
  '<!-- postmortem-disable-next-line -->',
  '<img src=x onerror=alert(1)>',
  '<details><summary>x',
  '<table><tr><td>',
  '<a href="javascript:alert(1)">x</a>',
  '[x](javascript:alert(1))',
  '[^1]: note',
  '[ref]: http://example.com',
  '![img](../../etc/passwd)',
  // broken tables
  '| Time | Event',
  '|---|',
  '| --- | :-: | ---: |',
  '|',
  '||',
  '| a | b | c | d | e |',
  '| 10:00 | | |',
  '|:--|--:|',
  '| Time (UTC) |',
  '| ID | Action | Owner | Due | Status |',
  '| AI-1 | x | @a | 2024-02-30 | Open |',
  '| 25:61 | impossible time |',
  // front matter and setext
  '---',
  '+++',
  '...',
  'template: [unclosed',
  'title: "x',
  ': : :',
  'date: 2024-13-45',
  'timezone: Mars/Olympus',
  'template: sev',
  '===',
  'Heading\u0000',
  '=',
  // nesting
  '> > > > > > > > quoted',
  '- - - - - - list',
  '                        - deep item',
  '1. 2. 3. 4. x',
  '>- > - > -',
  // headings and fields in odd shapes
  '#',
  '# ',
  '######',
  '####### seven',
  '## Timeline',
  '## Action Items',
  '### Timeline (PST)',
  '## Root Cause ##',
  '# Post-Mortem: x',
  '**Duration:**',
  '**Duration:** -5 hours',
  '**Duration:** 99999999999999999999 hours',
  '**Start Time:** 2024-02-30 10:00 UTC',
  '**End Time:** 1969-12-31 23:59 UTC',
  '**Date:** 0000-00-00',
  '**Severity:** SEV-99',
  '**MTTR:** NaN',
  '**Time to Detect (TTD):** 00:00:00:00',
  '**:**',
  '****',
  '**a**:**b**',
  '- **23:59 PM**: x',
  '- **10:00 UTC+25**: bad offset',
  '- **12:00 Asia/Nowhere**: bad zone',
  '- [ ] **AI-1**: x - Owner: @a, Due: 2024-02-30',
  '- [x] done',
  '- [ ]',
  '- [ ] AI-1',
  '* **Time**:',
  'All times in Mars/Olympus',
  '_All times in UTC_',
  '_All times in PT_',
  '[DATE]',
  'YYYY-MM-DD HH:MM',
  '[Name]',
  'P0 | P1 | P2',
  '@',
  '@@@@',
  '#1 #2',
  // characters
  '\u0000',
  'a\u0000b',
  '\u0000# heading',
  '\t\t- **10:00**: tab',
  '\t',
  '\uFEFF# BOM heading',
  '\u202Eright-to-left override',
  '\u200F\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD',
  '\u0645\u0631\u062D\u0628\u0627 **\u0627\u0644\u0645\u062F\u0629:** 2h',
  '😀👍🏽👨‍👩‍👧‍👦 emoji',
  'e\u0301\u0301\u0301 combining',
  '\uD800 lone surrogate',
  '\uDFFF',
  'line\u2028separator',
  'para\u2029graph',
  '\f\v',
  'a\rb',
  '\u00A0\u00A0- nbsp item',
  '\u3000full width',
  'Ｔｉｍｅｌｉｎｅ',
];

const randomText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: fc.constantFrom('*', '_', '`', '|', '[', ']', '(', ')', '<', '>', '#', '-', ':', ' ', '\t', '!', '\\', '@', '0', '9'), maxLength: 30 }),
);

/** One line of text: mostly meaningful lines, sometimes hostile, sometimes noise. */
export const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIXTURE_LINES) },
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_LINES) },
  { weight: 2, arbitrary: randomText },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...FIXTURE_LINES), randomText, fc.nat()).map(([l, t, at]) => spliceAt(l, at, t)) },
);

const spliceAt = (s: string, at: number, insert: string, remove = 0) => {
  const i = at % (s.length + 1);
  return s.slice(0, i) + insert + s.slice(i + remove);
};

export type Mutation =
  | { op: 'insert'; at: number; lines: string[] }
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'edit'; at: number; col: number; remove: number; insert: string }
  | { op: 'nest'; at: number; depth: number; kind: 'quote' | 'list' | 'mixed' }
  | { op: 'crlf'; every: number }
  | { op: 'bom' }
  | { op: 'tabs' }
  | { op: 'frontMatter'; text: string }
  | { op: 'huge'; at: number; unit: string; size: number };

const INVALID_FRONT_MATTER = [
  'title: "unclosed\n  - : [',
  'template: [classic\ndate: {',
  '\t- tab: indent',
  'a: b: c: d',
  'date: 2024-02-30\ntimezone: Nowhere/Zone\ntemplate: 42',
  '? [a, b]\n: c',
  '&anchor a: *alias',
  '%YAML 9.9\n---',
  'template: classic\ntemplate: sev',
  '"\u0000": "\uD800"',
];

// A 1 MiB line of each of these is analysed and rendered in seconds at most.
const HUGE_UNITS = ['a', '`', '| ', '😀', '\t', ' ', 'word ', '10:00 ', 'QUJD+/9=', '_'];
// Runs of these make micromark super-linear (a 1 MiB line of '[' takes about 50 s to analyse and
// as long to render, one of JSON more than a minute, 40 KiB of '*a' 45 s): 8 KiB of each go the
// same way in well under a second. (Deep nesting, `- - - …`, is the `nest` mutation's.)
const DELIMITER_RUNS = ['[', '*a', '[x](', '**a:** ', '\\', '<', '{"a":[1,2],"b":"x"},'];

/** The size of the single line of a `huge` mutation (1 MiB of text). */
export const HUGE_LINE = 1 << 20;
const DELIMITER_RUN = 8 << 10;

const pos = fc.nat({ max: 10_000 });
const nest = (depth: fc.Arbitrary<number>) => fc.record({ op: fc.constant('nest' as const), at: pos, depth, kind: fc.constantFrom('quote' as const, 'list' as const, 'mixed' as const) });
const lineMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: pos, lines: fc.array(lineArb, { minLength: 1, maxLength: 4 }) }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('delete' as const), at: pos, count: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: pos, count: fc.integer({ min: 1, max: 12 }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('swap' as const), a: pos, b: pos }) },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('edit' as const), at: pos, col: fc.nat({ max: 200 }), remove: fc.nat({ max: 20 }), insert: randomText }) },
  { weight: 1, arbitrary: nest(fc.integer({ min: 2, max: 60 })) },
);
const documentMutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('crlf' as const), every: fc.integer({ min: 1, max: 4 }) }),
  fc.constant({ op: 'bom' as const }),
  fc.constant({ op: 'tabs' as const }),
  fc.record({
    op: fc.constant('frontMatter' as const),
    text: fc.oneof(
      fc.constantFrom(...INVALID_FRONT_MATTER),
      fc.array(lineArb, { maxLength: 4 }).map((l) => l.join('\n')),
    ),
  }),
);
const longLine = (units: string[], size: number) => fc.record({ op: fc.constant('huge' as const), at: pos, unit: fc.constantFrom(...units), size: fc.constant(size) });

/** The heavy ones are rare on purpose (a few per thousand documents): each costs seconds. */
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 1000, arbitrary: lineMutation },
  { weight: 130, arbitrary: documentMutation },
  { weight: 1, arbitrary: longLine(HUGE_UNITS, HUGE_LINE) },
  { weight: 1, arbitrary: longLine(DELIMITER_RUNS, DELIMITER_RUN) },
  { weight: 1, arbitrary: nest(fc.integer({ min: 60, max: 2000 })) },
);

/** Apply one mutation. Indices wrap around the document, so every generated value applies. */
export function mutate(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const at = (n: number) => n % (lines.length + 1);
  switch (m.op) {
    case 'insert':
      lines.splice(at(m.at), 0, ...m.lines);
      break;
    case 'delete':
      lines.splice(at(m.at), m.count);
      break;
    case 'duplicate': {
      const i = at(m.at);
      lines.splice(i, 0, ...lines.slice(i, i + m.count));
      break;
    }
    case 'swap': {
      const a = m.a % lines.length;
      const b = m.b % lines.length;
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      break;
    }
    case 'edit': {
      const i = m.at % lines.length;
      lines[i] = spliceAt(lines[i]!, m.col, m.insert, m.remove);
      break;
    }
    case 'nest': {
      // A staircase into the depth, then one line all the way down.
      const block = Array.from({ length: Math.min(m.depth, 12) }, (_, d) => nestedLine(m.kind, d + 1));
      block.push(nestedLine(m.kind, m.depth));
      lines.splice(at(m.at), 0, ...block);
      break;
    }
    case 'crlf':
      return lines.map((l, i) => (i % m.every === 0 ? l.replace(/\r?$/, '\r') : l)).join('\n');
    case 'bom':
      return text.startsWith('\uFEFF') ? text : '\uFEFF' + text;
    case 'tabs':
      return lines.map((l) => l.replace(/^( {2})+/, (s) => '\t'.repeat(s.length / 2)).replace(/: /, ':\t')).join('\n');
    case 'frontMatter':
      return `---\n${m.text}\n---\n${text}`;
    case 'huge':
      lines.splice(at(m.at), 0, m.unit.repeat(Math.ceil(m.size / m.unit.length)).slice(0, m.size));
      break;
  }
  return lines.join('\n');
}

function nestedLine(kind: 'quote' | 'list' | 'mixed', depth: number): string {
  if (kind === 'quote') return '> '.repeat(depth) + '**Duration:** 2 hours';
  if (kind === 'list') return '  '.repeat(depth - 1) + '- **10:00**: nested';
  return '> - '.repeat(depth) + '[ ] **AI-1**: deep';
}

export interface Subject {
  base: string;
  /** The text the mutations started from ('' for generated text). */
  baseText: string;
  mutations: Mutation[];
  text: string;
}

/** A fixture (or, sometimes, pure noise) and the mutations that made the document. */
export const subjectArb: fc.Arbitrary<Subject> = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(mutationArb, { minLength: 1, maxLength: 8 }))
      .map(([b, mutations]) => ({ base: BASES[b]!.name, baseText: BASES[b]!.text, mutations, text: mutations.reduce(mutate, BASES[b]!.text) })),
  },
  {
    weight: 1,
    arbitrary: fc.array(lineArb, { maxLength: 60 }).map((lines) => ({ base: '(lines)', baseText: '', mutations: [], text: lines.join('\n') })),
  },
  {
    weight: 1,
    arbitrary: fc.string({ unit: 'binary', maxLength: 300 }).map((text) => ({ base: '(noise)', baseText: '', mutations: [], text })),
  },
);

/** A series of edits to one document, as an author makes them: each version mutates the last. */
export const editSequenceArb: fc.Arbitrary<{ base: string; versions: string[] }> = fc
  .tuple(fc.nat({ max: BASES.length - 1 }), fc.array(fc.array(mutationArb, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }))
  .map(([b, steps]) => {
    const versions = [BASES[b]!.text];
    for (const step of steps) versions.push(step.reduce(mutate, versions[versions.length - 1]!));
    return { base: BASES[b]!.name, versions };
  });

/** A cursor as a generated triple; resolved against the document once it is known. */
export const cursorArb = fc.tuple(fc.nat({ max: 4 }), fc.nat(), fc.nat());
export type CursorSeed = [number, number, number];

export interface Pos {
  line: number;
  character: number;
}

/**
 * Resolve a cursor: anywhere in a line, exactly at its end, past its end, past the last line, or
 * at the start or end of something the model found (`anchors`), where the services do most.
 */
export function resolveCursor([kind, a, b]: CursorSeed, lines: string[], anchors: Pos[]): Pos {
  const line = a % lines.length;
  const len = lines[line]!.length;
  switch (kind) {
    case 0:
      return { line, character: b % (len + 1) };
    case 1:
      return { line, character: len };
    case 2:
      return { line, character: len + 1 + (b % 100) };
    case 3:
      return { line: lines.length + (b % 3), character: b % 5 };
    default:
      return anchors.length ? anchors[a % anchors.length]! : { line, character: b % (len + 1) };
  }
}

/** Short description of a subject for failure reports (the text itself may be a megabyte). */
export function describeSubject(s: { base: string; text: string }): string {
  const preview = s.text.length > 400 ? `${JSON.stringify(s.text.slice(0, 400))}… (${s.text.length} chars)` : JSON.stringify(s.text);
  return `${s.base}: ${preview}`;
}
