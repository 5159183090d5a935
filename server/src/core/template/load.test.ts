import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { parseConfig, parseTemplate, type TemplateError } from './load';
import { ConfigSpec, type TemplateSpec } from './schema';
import { loadBuiltinTemplates, findBuiltinTemplatesDir } from '../../node/builtinTemplates';

const ROOT = path.resolve(__dirname, '../../../..');
const TEMPLATES = path.join(ROOT, 'schemas/templates');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const IDS = ['classic', 'standard', 'report', 'detailed', 'sev'];

const read = (p: string) => fs.readFileSync(p, 'utf8');

/** Parse a template that must be valid. */
function builtin(id: string): TemplateSpec {
  const { template, errors } = parseTemplate(read(path.join(TEMPLATES, `${id}.yaml`)), `${id}.yaml`);
  assert.deepEqual(errors, []);
  assert.ok(template);
  return template;
}

/** The error at `p`, with a readable failure when there is none. */
function errorAt(errors: TemplateError[], p: string): TemplateError {
  const e = errors.find((x) => x.path === p);
  assert.ok(e, `no error at ${p}; got ${JSON.stringify(errors, null, 2)}`);
  return e;
}

// A valid minimal template, to break one thing at a time.
const MINIMAL = `id: mini
name: Mini
titlePattern: '^Mini:'
severity:
  values: [High, Low]
sections:
  - id: title
    title: 'Mini: [Title]'
    level: 1
    role: title
  - id: summary
    title: Summary
    role: summary
timeline:
  shape: list
  timeFormat: 'HH:mm'
actionItems:
  shapes: [checkbox]
`;

describe('template/load: parseTemplate', () => {
  for (const id of IDS) {
    it(`built-in '${id}' parses with no errors`, () => {
      const t = builtin(id);
      assert.equal(t.id, id);
      assert.equal(t.sections[0]!.level, 1);
      assert.equal(t.sections[0]!.role, 'title');
      assert.ok(t.sections.some((s) => s.role === 'timeline' && s.required));
      assert.ok(t.sections.some((s) => s.role === 'actionItems' && s.required));
      assert.ok(t.sections.some((s) => s.role === 'rootCause' && s.required));
      assert.ok(t.sections.some((s) => s.role === 'lessons' && s.required));
    });
  }

  it('a valid minimal template parses, with defaults applied', () => {
    const { template, errors } = parseTemplate(MINIMAL, 'mini.yaml');
    assert.deepEqual(errors, []);
    assert.equal(template?.sections[1]!.level, 2);
    assert.equal(template?.sections[1]!.required, true);
    assert.equal(template?.severity.field, 'Severity');
  });

  it('reports an out-of-range level with file, path and position', () => {
    const text = MINIMAL.replace('    role: summary\n', '    role: summary\n    level: 9\n');
    const { template, errors } = parseTemplate(text, 'mini.yaml');
    assert.equal(template, null);
    const e = errorAt(errors, 'sections[1].level');
    assert.equal(e.file, 'mini.yaml');
    assert.match(e.message, /at most 6/);
    const line = text.split('\n').findIndex((l) => l === '    level: 9');
    assert.deepEqual([e.line, e.character], [line, '    level: '.length]);
  });

  it('reports a missing id at the section that lacks it', () => {
    const text = MINIMAL.replace('  - id: summary\n    title: Summary', '  - title: Summary');
    const { template, errors } = parseTemplate(text, 'mini.yaml');
    assert.equal(template, null);
    const e = errorAt(errors, 'sections[1].id');
    assert.match(e.message, /missing required key 'id'/);
    const line = text.split('\n').findIndex((l) => l === '  - title: Summary');
    assert.deepEqual([e.line, e.character], [line, 4]);
  });

  it('reports an unknown key at the key itself', () => {
    const text = MINIMAL.replace('    role: summary\n', '    role: summary\n    colour: blue\n');
    const { errors } = parseTemplate(text, 'mini.yaml');
    const e = errorAt(errors, 'sections[1].colour');
    assert.match(e.message, /unknown key 'colour'/);
    assert.deepEqual([e.line, e.character], [text.split('\n').indexOf('    colour: blue'), 4]);
  });

  it('reports a wrong type and a bad enum value', () => {
    const text = MINIMAL.replace('    role: summary\n', "    role: conclusion\n    required: 'yes'\n");
    const { errors } = parseTemplate(text, 'mini.yaml');
    assert.match(errorAt(errors, 'sections[1].role').message, /must be one of .*"summary"/);
    const req = errorAt(errors, 'sections[1].required');
    assert.match(req.message, /expected true or false, got the string "yes"/);
    assert.equal(req.line, text.split('\n').indexOf("    required: 'yes'"));
  });

  it('reports invalid YAML with its position and returns no template', () => {
    const text = 'id: broken\nname: [unclosed\nsections: []\n';
    const { template, errors } = parseTemplate(text, 'broken.yaml');
    assert.equal(template, null);
    assert.ok(errors.length > 0);
    assert.equal(errors[0]!.file, 'broken.yaml');
    assert.match(errors[0]!.message, /^invalid YAML/);
    assert.ok(errors[0]!.line >= 1, `line ${errors[0]!.line}`);
  });

  it('reports duplicate keys as invalid YAML', () => {
    const { errors } = parseTemplate(`${MINIMAL}name: Again\n`, 'dup.yaml');
    assert.match(errors[0]!.message, /unique/);
    assert.equal(errors[0]!.line, MINIMAL.split('\n').length - 1);
  });

  it('reports refinements: invalid regex, duplicate section id, unknown block section', () => {
    const text = MINIMAL.replace("titlePattern: '^Mini:'", "titlePattern: '^Mini:('")
      .replace('  - id: summary', '  - id: title')
      .replace("  timeFormat: 'HH:mm'\n", "  timeFormat: 'HH:mm'\n  blocks:\n    - { section: detection, phase: detected }\n");
    const { errors } = parseTemplate(text, 'mini.yaml');
    assert.match(errorAt(errors, 'titlePattern').message, /regular expression/);
    assert.equal(errorAt(errors, 'titlePattern').line, 2);
    assert.match(errorAt(errors, 'sections[1].id').message, /duplicate section id 'title'/);
    assert.match(errorAt(errors, 'timeline.blocks[0].section').message, /no section has id 'detection'/);
  });

  it('reports an empty file, and never throws on odd input', () => {
    assert.match(parseTemplate('', 'e.yaml').errors[0]!.message, /empty template/);
    for (const odd of ['- a\n- b\n', '42', '!!binary AAAA', '&a [*a]', 'a: *nope', '---\na: 1\n---\nb: 2\n', '\t\tx: {']) {
      const r = parseTemplate(odd, 'odd.yaml');
      assert.equal(r.template, null);
      assert.ok(r.errors.length > 0, odd);
    }
  });
});

describe('template/load: parseConfig', () => {
  const defaults = ConfigSpec.parse({});

  it('an empty file is the defaults, without errors', () => {
    assert.deepEqual(parseConfig('', '.postmortem.yaml'), { config: defaults, errors: [] });
    assert.deepEqual(parseConfig('# nothing yet\n', '.postmortem.yaml'), { config: defaults, errors: [] });
  });

  it('a valid config parses', () => {
    const { config, errors } = parseConfig('enable: false\ndefaultTemplate: sev\nrules:\n  placeholder: warning\n', 'c.yaml');
    assert.deepEqual(errors, []);
    assert.equal(config.enable, false);
    assert.equal(config.defaultTemplate, 'sev');
    assert.deepEqual(config.rules, { placeholder: 'warning' });
  });

  it('reports an unknown key and still returns the defaults', () => {
    const text = 'enable: true\ntimezone: UTC\n';
    const { config, errors } = parseConfig(text, '.postmortem.yaml');
    assert.deepEqual(config, defaults);
    assert.equal(errors.length, 1);
    assert.deepEqual(errors[0], { file: '.postmortem.yaml', path: 'timezone', message: "unknown key 'timezone'", line: 1, character: 0 });
  });

  it('keeps the valid parts of an invalid config', () => {
    const text = [
      'enable: false',
      'files: ["docs/incidents/**/*.md", 7]',
      'rules:',
      '  placeholder: warning',
      '  missing-section: loud',
      'templates:',
      '  - id: broken',
      MINIMAL.replace(/^/gm, '    ').replace(/^    /, '  - ').trimEnd(),
    ].join('\n');
    const { config, errors } = parseConfig(text, 'c.yaml');
    assert.equal(config.enable, false);
    assert.deepEqual(config.files, ['docs/incidents/**/*.md']);
    assert.deepEqual(config.rules, { placeholder: 'warning' });
    assert.deepEqual(
      config.templates.map((t) => t.id),
      ['mini'],
    );
    assert.equal(errorAt(errors, 'files[1]').line, 1);
    assert.equal(errorAt(errors, 'rules["missing-section"]').line, 4);
    assert.equal(errorAt(errors, 'templates[0].name').line, 6);
  });

  it('invalid YAML gives the defaults and a positioned error', () => {
    const { config, errors } = parseConfig('enable: false\nrules: {placeholder: warning\n', 'c.yaml');
    assert.deepEqual(config, defaults);
    assert.match(errors[0]!.message, /^invalid YAML/);
  });

  it('a config that is not a mapping gives the defaults', () => {
    const { config, errors } = parseConfig('- enable\n', 'c.yaml');
    assert.deepEqual(config, defaults);
    assert.match(errors[0]!.message, /expected a mapping, got a list/);
  });
});

describe('node/builtinTemplates', () => {
  it('finds schemas/templates by walking up and loads the five built-ins in seed order', () => {
    assert.equal(findBuiltinTemplatesDir(), TEMPLATES);
    assert.deepEqual(
      loadBuiltinTemplates().map((t) => t.id),
      IDS,
    );
  });

  it('throws naming the file, line, path and problem when a built-in is invalid', () => {
    const dir = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'pm-templates-'));
    try {
      fs.writeFileSync(path.join(dir, 'mini.yaml'), MINIMAL.replace('    role: summary\n', '    role: summary\n    level: 9\n'));
      assert.throws(() => loadBuiltinTemplates(dir), /mini\.yaml:\d+:\d+: sections\[1\]\.level: must be at most 6/);
      fs.writeFileSync(path.join(dir, 'mini.yaml'), MINIMAL.replace('id: mini', 'id: other'));
      assert.throws(() => loadBuiltinTemplates(dir), /does not match the file name/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

// ---- The built-ins against the seeds they come from and the filled fixtures. ----

/** Loose heading comparison: case, a leading "1." / "A." number, & vs and, trailing ?/:. */
const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/^\s*(?:\d+\.|[a-z]\.)\s+/, '')
    .replace(/&/g, 'and')
    .replace(/[?:.*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();

interface Heading {
  level: number;
  text: string;
  line: number;
}

function headings(md: string): Heading[] {
  const out: Heading[] = [];
  md.split('\n').forEach((l, line) => {
    const m = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(l);
    if (m) out.push({ level: m[1]!.length, text: m[2]!, line });
  });
  return out;
}

const names = (s: TemplateSpec['sections'][number]) => [s.title, ...s.aliases].map(norm);

/** The body of a section: from its heading to the next heading of the same or a higher level. */
function sectionBody(md: string, h: Heading): string {
  const lines = md.split('\n');
  const next = headings(md).find((x) => x.line > h.line && x.level <= h.level);
  return lines.slice(h.line + 1, next ? next.line : lines.length).join('\n');
}

/** Generic unfilled-placeholder shapes (a subset of what the placeholder rule knows). */
const GENERIC_PLACEHOLDERS = [
  /\[(?![xX ]\])[^\]\n]+\](?![(:])/,
  /\bYYYY\b|\bYYYYMMDD\b|\bHH:MM\b|\bXX\b|(?<![\w$])X%|\$X\b|@username\b|\bTBD\b/,
  /\b(?:Item|Factor) \d\b|Yes\/No|\bP0 \| P1\b|SEV-1 \/ SEV-2/,
];

describe('built-in title patterns', () => {
  const cases: [string, string[]][] = [
    ['Incident Post-Mortem: [Incident Title]', ['classic']],
    ['Incident Post-Mortem: Checkout failures', ['classic']],
    ['incident post mortem: lowercase', ['classic']],
    ['Post-Mortem Template', ['standard']],
    ['Post-Mortem: Payments API errors', ['standard']],
    ['Postmortem - Payments API errors', ['standard']],
    ['Post-Mortem Report: [Incident Title]', ['report']],
    ['Post-Mortem Report: Login failures', ['report']],
    ['Post-Mortem Report Template', ['detailed']],
    ['Post-Mortem Report — Upload failures', ['detailed']],
    ['Incident Postmortem Template', ['sev']],
    ['Incident Postmortem: Empty search results', ['sev']],
    ['Incident Postmortem — Empty search results', ['sev']],
    ['Project roadmap', []],
    ['Post-Mortem Reporting Guide', []],
  ];
  for (const [title, ids] of cases) {
    it(`'${title}' -> ${ids.join(', ') || 'none'}`, () => {
      const matching = IDS.filter((id) => new RegExp(builtin(id).titlePattern, 'i').test(title));
      assert.deepEqual(matching, ids);
    });
  }
});

describe('built-in templates vs seeds and filled fixtures', () => {
  const plain = read(path.join(FIXTURES, 'plain/readme-with-timeline.md'));
  const expected = JSON.parse(read(path.join(FIXTURES, 'filled/expected.json'))) as Record<string, Record<string, unknown>>;

  for (const id of IDS) {
    describe(id, () => {
      const t = builtin(id);
      const seed = read(path.join(FIXTURES, `seeds/${id}.md`));
      const filled = read(path.join(FIXTURES, `filled/${id}.md`));

      it('the seed lists exactly the template sections, in order, at their levels', () => {
        const hs = headings(seed);
        assert.equal(hs.length, t.sections.length, hs.map((h) => h.text).join(' | '));
        hs.forEach((h, i) => {
          const s = t.sections[i]!;
          assert.equal(h.level, s.level, `${h.text} level`);
          if (s.role === 'title') assert.match(h.text, new RegExp(t.titlePattern, 'i'));
          else assert.ok(names(s).includes(norm(h.text)), `'${h.text}' is not '${s.title}'`);
        });
      });

      it('every field key is written in the seed as **Key:** (or **Key** for questions)', () => {
        for (const s of t.sections) {
          for (const f of s.fields) {
            assert.ok(seed.includes(`**${f.key}:**`) || seed.includes(`**${f.key}**`), `${s.id}: ${f.key}`);
          }
        }
      });

      it('the template placeholders match the seed and nothing in the filled fixture', () => {
        for (const p of t.placeholders) {
          const re = new RegExp(p);
          assert.ok(
            seed.split('\n').some((l) => re.test(l)),
            `placeholder ${p} does not match the seed`,
          );
          const hit = filled.split('\n').find((l) => re.test(l));
          assert.equal(hit, undefined, `placeholder ${p} matches the filled fixture`);
        }
      });

      it('the titles match this template (and the filled title no other)', () => {
        const title = (md: string) => headings(md)[0]!.text;
        assert.match(title(seed), new RegExp(t.titlePattern, 'i'));
        assert.match(title(filled), new RegExp(t.titlePattern, 'i'));
        for (const other of IDS.filter((x) => x !== id)) {
          assert.doesNotMatch(title(filled), new RegExp(builtin(other).titlePattern, 'i'), `also matches ${other}`);
          assert.doesNotMatch(title(seed), new RegExp(builtin(other).titlePattern, 'i'), `seed also matches ${other}`);
        }
        assert.doesNotMatch(title(plain), new RegExp(t.titlePattern, 'i'));
      });

      it('the filled fixture has every required section (in order) and required field', () => {
        const hs = headings(filled);
        let from = 0;
        for (const s of t.sections.filter((x) => x.required)) {
          const i = hs.findIndex((h, k) => k >= from && h.level === s.level && (s.role === 'title' ? k === 0 : names(s).includes(norm(h.text))));
          assert.ok(i >= 0, `missing required section '${s.title}'`);
          from = i + 1;
          for (const f of s.fields.filter((x) => x.required)) {
            assert.match(sectionBody(filled, hs[i]!), new RegExp(`\\*\\*${f.key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\*\\* *\\S`), `${s.id}: ${f.key}`);
          }
        }
      });

      it('the filled fixture has no placeholder left, and every action item is due in 2027', () => {
        filled.split('\n').forEach((l, i) => {
          if (/\]\(https?:/.test(l)) l = l.replace(/\[[^\]]*\]\([^)]*\)/g, '');
          for (const re of GENERIC_PLACEHOLDERS) assert.doesNotMatch(l, re, `line ${i + 1}: ${l}`);
        });
        const hs = headings(filled);
        const actions = hs.find((h) => norm(h.text) === 'action items')!;
        const body = sectionBody(filled, actions);
        const dates = [...body.matchAll(/\b(\d{4})-\d\d-\d\d\b/g)].map((m) => m[1]);
        assert.ok(dates.length >= 3, 'action items have due dates');
        assert.deepEqual([...new Set(dates)], ['2027']);
      });

      it('the severity is one of the template values', () => {
        const m = new RegExp(`\\*\\*${t.severity.field}:\\*\\* *(\\S+)`).exec(filled);
        assert.ok(m && t.severity.values.includes(m[1]!), m?.[1]);
      });

      it('examples/ holds the same filled document', () => {
        assert.equal(read(path.join(ROOT, `examples/${id}.md`)), filled);
      });

      it('expected.json is self-consistent', () => {
        const e = expected[id]!;
        assert.equal(e['template'], id);
        assert.equal(e['timezone'], t.timeline.zone);
        const start = Date.parse(e['start'] as string);
        const end = Date.parse(e['end'] as string);
        assert.match(e['start'] as string, /Z$/);
        assert.equal(e['durationMinutes'], (end - start) / 60000);
        for (const k of ['timeToDetectMinutes', 'timeToAcknowledgeMinutes', 'timeToMitigateMinutes', 'timeToResolveMinutes']) {
          assert.ok(e[k] === null || typeof e[k] === 'number', k);
          assert.equal(typeof (e['why'] as Record<string, string>)[k], 'string', `why ${k}`);
        }
      });
    });
  }
});

describe('template/load: impossible section structures', () => {
  const base = (sections: string) =>
    `id: t\nname: T\ntitlePattern: '^T'\nseverity:\n  values: [A]\ntimeline:\n  shape: list\n  timeFormat: HH:mm\nactionItems:\n  shapes: [checkbox]\nsections:\n${sections}`;
  it('rejects a section nested two levels below the one before it, at that section', () => {
    const { template, errors } = parseTemplate(base('  - { id: a, title: A, level: 2 }\n  - { id: b, title: B, level: 4 }\n'), 't.yaml');
    assert.equal(template, null);
    assert.equal(errors[0]!.path, 'sections[1].level');
    assert.match(errors[0]!.message, /level 4 cannot follow level 2/);
    assert.equal(errors[0]!.line, 12);
  });
  it('rejects two sections under one parent claiming the same heading, but allows it under different parents', () => {
    const clash = parseTemplate(base('  - { id: a, title: Impact, level: 2 }\n  - { id: b, title: Effects, aliases: [impact], level: 2 }\n'), 't.yaml');
    assert.equal(clash.template, null);
    assert.match(clash.errors[0]!.message, /ambiguous/);
    const ok = parseTemplate(base('  - { id: a, title: A, level: 2 }\n  - { id: a1, title: Notes, level: 3 }\n  - { id: b, title: B, level: 2 }\n  - { id: b1, title: Notes, level: 3 }\n'), 't.yaml');
    assert.deepEqual(ok.errors, []);
  });
});
