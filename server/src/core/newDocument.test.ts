import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createService } from './service';
import { incidentId, newDocument } from './newDocument';
import { ConfigSpec, TemplateSpec } from './template/schema';
import { loadBuiltinTemplates } from '../node/builtinTemplates';
import { main } from '../cli';

const TODAY = '2026-11-26';

describe('new post-mortem from a template', () => {
  const templates = loadBuiltinTemplates();
  const service = createService({ templates, today: () => TODAY });
  const lines = (id: string) => service.newDocument(id)!.split('\n');

  for (const t of templates) {
    it(`${t.id}: is detected as a ${t.id} post-mortem whose placeholders light up`, () => {
      const text = service.newDocument(t.id)!;
      assert.ok(!text.startsWith('---'), 'headings alone identify a built-in template');
      const doc = { uri: `file:///ws/new-${t.id}.md`, version: 1, text };
      const model = service.model(doc);
      assert.equal(model.isPostmortem, true);
      assert.equal(model.templateId, t.id);
      assert.equal(model.sections.length, t.sections.length, 'every template section is there');
      assert.ok(service.diagnostics(doc).filter((d) => d.code === 'placeholder').length >= 10);
      assert.ok(!service.diagnostics(doc).some((d) => d.code === 'missing-section'));
    });
  }

  it('classic: today in Date, the rest left for the author', () => {
    assert.deepEqual(lines('classic').slice(0, 8), [
      '# Incident Post-Mortem: [Incident Title]',
      '',
      '**Date:** 2026-11-26',
      '**Duration:** [Start time] to [End time]  ',
      '**Impact:** [Brief description of user/system impact]  ',
      '**Severity:** [Critical/High/Medium/Low]  ',
      '**Prepared by:** [Name(s)]',
      '',
    ]);
  });

  it('standard: the id shape INC-YYYY-MM-DD-### filled, Date and Last Updated today, the sign-off date left', () => {
    const l = lines('standard');
    assert.deepEqual(l.slice(0, 9), [
      '# Post-Mortem: [Incident Title]',
      '',
      '**Last Updated:** 2026-11-26',
      '',
      '## Incident Summary',
      '',
      '**Incident ID:** INC-2026-11-26-001',
      '**Date:** 2026-11-26',
      '**Duration:** XX hours XX minutes',
    ]);
    assert.equal(l.filter((x) => x === '**Date:** YYYY-MM-DD').length, 1, 'the completion date in the sign-off block is not today');
  });

  it('sev: INC-YYYYMMDD-### becomes INC-20261126-001', () => {
    const l = lines('sev');
    assert.equal(l[0], '# Incident Postmortem: [Incident Title]');
    assert.ok(l.includes('**Last Updated:** 2026-11-26'));
    assert.ok(l.includes('- **Incident ID:** INC-20261126-001'));
    assert.ok(l.includes('- **Start Time (UTC):** YYYY-MM-DD HH:MM'));
  });

  it('report: numbered sections and a fresh id where the template gives only examples', () => {
    const l = lines('report');
    assert.equal(l[0], '# Post-Mortem Report: [Incident Title]');
    assert.deepEqual(
      l.filter((x) => x.startsWith('## ')),
      [
        '## 1. Incident Summary',
        '## 2. Detection',
        '## 3. Response Timeline',
        '## 4. Root Cause Analysis',
        '## 5. Resolution',
        '## 6. Lessons Learned',
        '## 7. Action Items',
        '## 8. Supporting Information',
      ],
    );
    assert.ok(l.includes('*   **Incident ID:** INC-20261126-001'));
  });

  it('detailed: keeps the hard-break spaces after the filled values', () => {
    assert.deepEqual(lines('detailed').slice(0, 6), [
      '# Post-Mortem Report: [Incident Title]',
      '',
      '**Incident ID:** INC-20261126-001  ',
      '**Date:** 2026-11-26  ',
      '**Severity:** [CRITICAL/HIGH/MEDIUM/LOW]',
      '',
    ]);
  });

  it('takes an incident id as written', () => {
    assert.ok(service.newDocument('sev', { incidentId: 'INC-20261126-007' })!.includes('- **Incident ID:** INC-20261126-007\n'));
    assert.ok(service.newDocument('classic', { today: '2025-01-31' })!.includes('**Date:** 2025-01-31\n'));
  });

  it('fills id shapes', () => {
    assert.equal(incidentId('INC-YYYYMMDD-###', TODAY), 'INC-20261126-001');
    assert.equal(incidentId('INC-YYYY-MM-DD-###', TODAY), 'INC-2026-11-26-001');
    assert.equal(incidentId('[OPS-YYYYMMDD-##]', TODAY), 'OPS-20261126-01');
    assert.equal(incidentId('[INCIDENT-ID]', TODAY), 'INC-20261126-001');
    assert.equal(incidentId('[e.g., INC-123, PagerDuty Incident #456]', TODAY), 'INC-20261126-001');
  });

  it('is null for an unknown template', () => {
    assert.equal(service.newDocument('nope'), null);
  });

  it('names a custom template in front matter when its headings alone would not say so', () => {
    // Close to the built-in standard template: same title shape, sections standard has too.
    const quick = TemplateSpec.parse({
      id: 'quick',
      name: 'Quick note',
      titlePattern: '^Quick post-mortem:',
      severity: { values: ['Minor', 'Major'] },
      sections: [
        { id: 'title', title: 'Post-Mortem: [What broke]', level: 1, role: 'title', skeleton: '**Date:** YYYY-MM-DD\n', fields: [{ key: 'Date', type: 'date' }] },
        { id: 'timeline', title: 'Timeline', role: 'timeline', skeleton: '- HH:MM [Event]\n' },
        { id: 'next', title: 'Action Items', role: 'actionItems', skeleton: '- [ ] [Action]\n' },
      ],
      timeline: { shape: 'list', timeFormat: 'HH:mm' },
      actionItems: { shapes: ['checkbox'] },
    });
    const s = createService({ templates, config: ConfigSpec.parse({ templates: [quick] }), today: () => TODAY });
    const text = s.newDocument('quick')!;
    assert.equal(text, '---\ntemplate: quick\n---\n\n# Post-Mortem: [What broke]\n\n**Date:** 2026-11-26\n\n## Timeline\n\n- HH:MM [Event]\n\n## Action Items\n\n- [ ] [Action]\n');
    assert.equal(s.model({ uri: 'file:///ws/q.md', version: 1, text }).templateId, 'quick');
    // Without the front matter the built-in standard template would claim it.
    assert.equal(s.model({ uri: 'file:///ws/q2.md', version: 1, text: text.replace(/^---[\s\S]*?---\n\n/, '') }).templateId, 'standard');
  });

  it('the pure builder needs no service', () => {
    const t = templates.find((x) => x.id === 'classic')!;
    assert.equal(newDocument(t, { today: TODAY }), service.newDocument('classic'));
  });
});

describe('postmortem new (CLI)', () => {
  let dir: string;
  const run = (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    // An explicit (empty) config, so a .postmortem.yaml in the working directory cannot add templates.
    const code = main(
      ['new', '--config', path.join(dir, 'config.yaml'), ...args],
      (s) => out.push(s),
      (s) => err.push(s),
    );
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pm-new-'));
    fs.writeFileSync(path.join(dir, 'config.yaml'), 'enable: true\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints the new post-mortem without -o', () => {
    const r = run('--template', 'sev');
    assert.equal(r.code, 0);
    assert.match(r.out, /^# Incident Postmortem: \[Incident Title\]\n/);
    assert.match(r.out, /- \*\*Incident ID:\*\* INC-\d{8}-001\n/);
  });

  it('names the templates when the id is unknown or missing (exit 2)', () => {
    const r = run('--template', 'nope');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.equal(r.err, "postmortem: unknown template 'nope' (templates: classic, standard, report, detailed, sev)");
    const m = run();
    assert.equal(m.code, 2);
    assert.match(m.err, /new needs --template ID \(templates: classic, standard, report, detailed, sev\)/);
  });

  it('writes -o FILE, and will not overwrite it without --force', () => {
    const file = path.join(dir, 'pm.md');
    assert.equal(run('--template', 'classic', '-o', file).code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /^# Incident Post-Mortem: \[Incident Title\]\n/);
    fs.writeFileSync(file, 'my draft\n');
    const again = run('--template', 'classic', '-o', file);
    assert.equal(again.code, 2);
    assert.match(again.err, /already exists \(use --force to overwrite\)/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'my draft\n');
    assert.equal(run('--template=standard', `--output=${file}`, '--force').code, 0);
    assert.match(fs.readFileSync(file, 'utf8'), /^# Post-Mortem: \[Incident Title\]\n/);
  });
});
