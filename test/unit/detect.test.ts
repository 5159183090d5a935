// Recognising post-mortems by structure, and which template (if any) a document is checked against.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, doc, fixture, service, TEMPLATE_IDS } from './helpers';

const analyze = (text: string, uri = 'file:///ws/notes/doc.md') => service().model(doc(text, uri));

describe('detection by structure', () => {
  it('headings in many wordings, with emoji and :shortcodes:, and no post-mortem word in the title', () => {
    const m = analyze(
      "# 2024-10-24 - All instances unavailable to hosted customers\n\n## :warning: Leadup\n\nA config push.\n\n## 🥏 Impact\n\nAll hosted instances.\n\n## 👁️ Detection\n\nA page at 10:02.\n\n## 🔎 Five Why's\n\nWhy? …\n",
    );
    assert.equal(m.isPostmortem, true, m.detection);
    assert.match(m.detection, /impact/);
  });

  it('a blog-post write-up: Precursors, The Effects, Resolutions', () => {
    const m = analyze(
      '# Postmortem\n\nOur website went down on Thursday.\n\n## Precursors\n\nA failed deploy two weeks ago.\n\n## The Effects\n\nThe site was down for a day.\n\n## Resolutions\n\nWe now announce maintenance.\n',
    );
    assert.equal(m.isPostmortem, true, m.detection);
  });

  it('bold lead-ins (`**Summary**: …`) count as sections', () => {
    const m = analyze(
      'Queue backlog review\n====================\n\n**Summary**: Orders queued for 40 minutes.\n\n**Impact**: 3 000 orders late.\n\n**Root Causes**: A consumer deadlock.\n\n**Trigger**: A retry storm.\n\n**Detection**: Queue-depth alert.\n',
    );
    assert.equal(m.isPostmortem, true, m.detection);
  });

  it('three plain sections and no title: the problem, how it was diagnosed, the fix', () => {
    const m = analyze('## The Problem\n\nNightly mails were not sent.\n\n## How did we diagnose it?\n\n1. Ran the job locally.\n\n## The Fix\n\n1. Restored the sender account.\n');
    assert.equal(m.isPostmortem, true, m.detection);
  });

  it('a post-mortem title over running text (no sections at all)', () => {
    const m = analyze(
      '## 2024-05-02 Registry Outage\n\nBetween 09:10 and 11:40 UTC the registry was down for all users. The delay in incident response was due to the on-call phone being misconfigured. The root cause was an expired certificate. To prevent this we now renew certificates daily, and we apologize to everyone affected.\n',
    );
    assert.equal(m.isPostmortem, true, m.detection);
  });

  it('Japanese section headings', () => {
    const m = analyze('# v2.1.0 リリースで発生した障害について\n\n## 障害の内容\n\n本文。\n\n### 影響範囲\n\n本文。\n\n## 発生から復旧までのタイムライン\n\n- 10:00 本文\n\n## 原因\n\n本文。\n');
    assert.equal(m.isPostmortem, true, m.detection);
  });

  it('section headings in French, German, Spanish, Russian, Polish, Chinese and Korean; the timeline under its own name; a date with a French month', () => {
    const fr = analyze(
      '# Incident : gel du service de recherche\n\n**Date** : 13 octobre 2025\n\n## Résumé\n\nLe service ne répondait plus.\n\n## Chronologie\n\n- **00:55 UTC** - Nouvelle saturation signalée\n- **01:28 UTC** - Conteneur redémarré\n\n## Cause racine\n\nUne collection mal configurée.\n\n## Leçons apprises\n\nSurveiller la mémoire.\n',
    );
    assert.equal(fr.isPostmortem, true, fr.detection);
    assert.deepEqual(
      fr.timeline.entries.map((e) => e.at),
      [Date.UTC(2025, 9, 13, 0, 55), Date.UTC(2025, 9, 13, 1, 28)],
    );
    assert.equal(fr.date, '2025-10-13');
    const de = analyze('# Ausfall der Anmeldung\n\n## Zusammenfassung\n\nText.\n\n## Zeitlicher Ablauf\n\n- 10:00 Text\n\n## Ursache\n\nText.\n\n## Maßnahmen\n\n- Text\n');
    assert.equal(de.isPostmortem, true, de.detection);
    const es = analyze('# Caída del servicio\n\n## Resumen\n\nTexto.\n\n## Cronología\n\n- 10:00 Texto\n\n## Causa raíz\n\nTexto.\n\n## Lecciones aprendidas\n\nTexto.\n');
    assert.equal(es.isPostmortem, true, es.detection);
    const zh = analyze('# 服务中断\n\n## 摘要\n\n正文。\n\n## 时间线\n\n- 10:00 正文\n\n## 根本原因\n\n正文。\n\n## 影响\n\n正文。\n');
    assert.equal(zh.isPostmortem, true, zh.detection);
    const ko = analyze('# 서비스 장애\n\n## 요약\n\n본문.\n\n## 타임라인\n\n- 10:00 본문\n\n## 근본 원인\n\n본문.\n\n## 영향\n\n본문.\n');
    assert.equal(ko.isPostmortem, true, ko.detection);
    const ru = analyze('# Сбой базы данных\n\n## Кратко\n\nТекст.\n\n## Хронология инцидента\n\n- 03:12 Текст\n\n## Извлечённые уроки\n\n- Текст\n');
    assert.equal(ru.isPostmortem, true, ru.detection);
    const pl = analyze('# Awaria logowania\n\n## Podsumowanie\n\nTekst.\n\n## Oś czasu\n\n- 10:00 Tekst\n\n## Wnioski\n\n- Tekst\n');
    assert.equal(pl.isPostmortem, true, pl.detection);
    // One heading in another language is no post-mortem.
    assert.equal(analyze('# Notizen\n\n## Zusammenfassung\n\nText.\n').isPostmortem, false);
  });

  it('a conventional folder makes a post-mortem; its README does not', () => {
    for (const folder of ['postmortems', 'post-mortems', 'incidents', 'incident-reports', 'rca']) {
      assert.equal(analyze('# DB failover\n\nNotes.\n', `file:///repo/${folder}/2024-db.md`).isPostmortem, true, folder);
    }
    assert.equal(analyze('# Our post-mortems\n\nOne file per incident.\n', 'file:///repo/postmortems/README.md').isPostmortem, false);
  });

  it('front matter `type: incident` makes a post-mortem', () => {
    assert.equal(analyze('---\ntype: incident\n---\n# DB failover\n').isPostmortem, true);
  });

  it("a blog's category or tag `postmortem` makes a post-mortem; a tag `incident` alone does not", () => {
    const post = (fm: string) => analyze(`---\ntitle: API slowdowns on July 15\n${fm}\n---\n\nThe API was slow for 53 minutes.\n`).isPostmortem;
    assert.equal(post('category: postmortem'), true);
    assert.equal(post('tags: [outage, post-mortem]'), true);
    assert.equal(post('categories: engineering, Post Mortems'), true);
    assert.equal(post('tags: [incident, on-call]'), false);
  });

  it('a blank skeleton of post-mortem sections is a template, not a post-mortem', () => {
    const m = analyze('# Title\n\n## Summary\n\n## Impact\n\n## Timeline\n> (all times in UTC)\n\n## Root Cause\n\n## Action Items\n');
    assert.equal(m.isPostmortem, false);
    assert.match(m.detection, /blank template/);
  });

  it('a worked example that calls itself one is not a post-mortem (its numbers are still computed)', () => {
    const m = analyze(
      '# Example Postmortem\n\n## Summary\n\nA sample outage.\n\n## Impact\n\nNone, it is fictional.\n\n## Timeline\n\n**Date:** 2024-03-01\n\n- 10:00 UTC outage begins\n- 10:30 UTC service restored\n\n## Lessons Learned\n\nExamples help.\n',
    );
    assert.equal(m.isPostmortem, false);
    assert.equal(m.metrics.durationMinutes, 30);
  });

  it('a runbook or guide is not a post-mortem, though it has a timeline, root cause and action items sections', () => {
    const body = '\n\n## Timeline\n\n- 10:00 Page the on-call\n\n## Root cause\n\nFind it.\n\n## Action items\n\n- Fix it\n\n## Impact\n\nAssess it.\n';
    assert.equal(analyze(`# Runbook - 障害対応手順書${body}`).isPostmortem, false);
    assert.equal(analyze(`# On-call handbook${body}`).isPostmortem, false);
    assert.equal(analyze(`# Runbook bug deleted the cache${body}`).isPostmortem, true, 'a title about a runbook that failed');
    assert.equal(analyze(`# 障害対応手順書${body}`).isPostmortem, false);
    assert.equal(analyze(`# 手順書の誤りによるキャッシュ削除${body}`).isPostmortem, true, 'an outage caused by a wrong procedure');
  });

  it('a title word alone, a README or a CHANGELOG is not a post-mortem', () => {
    assert.equal(analyze('# Incident tracker\n\n## Installation\n\nnpm i\n\n## Usage\n\nRun it.\n').isPostmortem, false);
    assert.equal(analyze('# Changelog\n\n## 2.0.0\n\n### Bug Fixes\n\n- fix x\n\n### Features\n\n- y\n').isPostmortem, false);
    assert.equal(analyze(fixture('plain/readme-with-timeline.md'), 'file:///ws/README.md').isPostmortem, false);
  });

  it('a how-to or a status page about incidents is not a post-mortem, though its text is full of incident words', () => {
    const howTo =
      '# Incident response\n\nWhat to do when production breaks.\n\n## Checklist\n\n- Declare an incident and page the on-call engineer.\n- Find the root cause; note the impact on users.\n- Once the outage is resolved, restore traffic and write the post-mortem.\n';
    assert.equal(analyze(howTo).isPostmortem, false, analyze(howTo).detection);
    const statusPage =
      '# Incidents and maintenance\n\nEach file below is shown on the status page.\n\n## 2026-10-01T11:20:00Z resolved\n\nThe outage is resolved; impact was limited to the API. Root cause: an expired certificate. Users were paged.\n';
    assert.equal(analyze(statusPage).isPostmortem, false, analyze(statusPage).detection);
    // The same incident words under a report's title are a write-up.
    assert.equal(analyze(howTo.replace('# Incident response', '# 2024-05-02 Registry outage')).isPostmortem, true);
  });

  it('the markdown files in node_modules are a negative set: at most 0.1 % are taken for post-mortems', function () {
    this.timeout(300_000);
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (e.isFile() && /\.(?:md|markdown)$/i.test(e.name)) files.push(p);
      }
    };
    walk(fs.realpathSync(path.join(ROOT, 'node_modules')));
    assert.ok(files.length > 500, `only ${files.length} markdown files in node_modules`);
    const falses: string[] = [];
    const s = service();
    for (const file of files) {
      const uri = pathToFileURL(file).toString();
      const m = s.model(doc(fs.readFileSync(file, 'utf8'), uri));
      s.forget(uri);
      if (m.isPostmortem) falses.push(`${path.relative(ROOT, file)}: ${m.detection}`);
    }
    const rate = (100 * falses.length) / files.length;
    console.log(`      negative set: ${falses.length} of ${files.length} markdown files in node_modules taken for post-mortems (${rate.toFixed(2)} %)`);
    assert.ok(rate <= 0.1, `false detections:\n${falses.join('\n')}`);
  });
});

describe('which template applies', () => {
  it('the filled examples follow their templates (title shape and most sections)', () => {
    for (const id of TEMPLATE_IDS) {
      const m = analyze(fixture(`filled/${id}.md`));
      assert.equal(m.templateId, id, m.templateReason);
      assert.match(m.templateReason, new RegExp(`follows template ${id}`));
    }
  });

  it('a post-mortem titled like a template but with its own sections is generic: no template sections demanded', () => {
    const text =
      '# Post-Mortem: Checkout latency\n\n**Date:** 2024-06-01\n\n## Summary\n\nSlow checkouts.\n\n## Impact\n\n5 % of orders.\n\n## Timeline\n\n- 10:00 UTC alert fired\n- 10:40 UTC resolved\n\n## Resolution\n\nRolled back.\n\n## Insights\n\nCaches.\n\n## Action Items\n\n- [ ] Add a cache alarm (@ana, 2024-07-01)\n';
    const s = service();
    const d = doc(text);
    const m = s.model(d);
    assert.equal(m.isPostmortem, true);
    assert.equal(m.templateId, null, m.templateReason);
    assert.match(m.templateReason, /generic post-mortem/);
    const conformance = s.diagnostics(d).filter((x) => ['missing-section', 'missing-field', 'section-order', 'empty-section'].includes(String(x.code)));
    assert.deepEqual(conformance, []);
  });

  it('a post-mortem just begun (its title and at most one section) follows the template of its title shape', () => {
    const m = analyze('# Incident Post-Mortem: Payments down\n\n## Timeline\n');
    assert.equal(m.isPostmortem, true, m.detection);
    assert.equal(m.templateId, 'classic', m.templateReason);
  });

  it('front matter `template:` wins; an unknown one leaves the document generic and says so', () => {
    assert.equal(analyze('---\ntemplate: report\n---\n# Anything\n\n## Summary\n\nx\n').templateId, 'report');
    const m = analyze('---\ntemplate: nope\n---\n# Anything\n');
    assert.equal(m.isPostmortem, true);
    assert.equal(m.templateId, null);
    assert.match(m.templateReason, /unknown template 'nope'/);
  });
});

describe('"Check against template X"', () => {
  const GENERIC =
    '# Post-Mortem: Checkout latency\n\n## Summary\n\nSlow.\n\n## Timeline\n\n- 10:00 UTC alert fired\n\n## Resolution\n\nRolled back.\n\n## Insights\n\nCaches.\n\n## Action Items\n\n- [ ] Alarm\n';
  const action = (text: string, line = 0) => {
    const s = service();
    const d = doc(text);
    const found = s.codeActions(d, { start: { line, character: 0 }, end: { line, character: 0 } }, { diagnostics: [] }).find((a) => a.title.startsWith('Check against template'));
    return { found, s, d };
  };
  const apply = (text: string, a: NonNullable<ReturnType<typeof action>['found']>) => {
    const e = a.edit!.changes!['file:///ws/doc.md']![0]!;
    const lines = text.split('\n');
    const at = lines.slice(0, e.range.start.line).join('\n').length + (e.range.start.line ? 1 : 0) + e.range.start.character;
    return text.slice(0, at) + e.newText + text.slice(at);
  };

  it('on the title of a generic post-mortem: creates front matter naming the closest template, keeping every line', () => {
    const { found, s, d } = action(GENERIC);
    const closest = s.model(d).closestTemplateId;
    assert.ok(found && closest, 'offered');
    assert.equal(found.title, `Check against template ${closest}`);
    const fixed = apply(GENERIC, found);
    assert.equal(fixed, `---\ntemplate: ${closest}\n---\n\n${GENERIC}`);
    assert.equal(service().model(doc(fixed, 'file:///ws/fixed.md')).templateId, closest);
  });

  it('adds the key to existing front matter, and is not offered below the title or when a template is named', () => {
    const text = `---\nauthor: ana\n---\n${GENERIC}`;
    const { found } = action(text, 3);
    assert.ok(found);
    assert.match(apply(text, found), /^---\ntemplate: \w+\nauthor: ana\n---\n# Post-Mortem: Checkout latency\n/);
    assert.equal(apply(text, found).length, text.length + found.edit!.changes!['file:///ws/doc.md']![0]!.newText.length);
    assert.equal(action(GENERIC, 6).found, undefined);
    assert.equal(action(`---\ntemplate: nope\n---\n${GENERIC}`, 3).found, undefined);
  });
});
