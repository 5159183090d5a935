import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { completeAt as at } from '../../../../test/unit/completionKit';
import { createService } from '../service';
import { loadBuiltinTemplates } from '../../node/builtinTemplates';
import { namesIn, peopleIn } from './people';

const templates = loadBuiltinTemplates();
const service = () => createService({ templates, today: () => '2024-05-01', now: () => Date.UTC(2024, 4, 1, 19, 0) });

const edit = (i: CompletionItem) => i.textEdit as TextEdit;
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

const doc = (responders = 'Felix Braun (search on-call), Ines Duarte (SRE on-call)', ic = 'Nadia Rahman', extra = '') => `# Incident Postmortem — Search outage

**Owner:** Nadia Rahman

## Incident Summary

- **Incident ID:** INC-20250903-042
- **Severity:** SEV-2

## Detection & Response

- **Incident Commander:** ${ic}
- **On-Call Responders:** ${responders}

## Timeline (UTC)

| Time (UTC) | Event |
| --- | --- |
| 2025-09-03 22:26 | Alert fired; paged @felix.b (mail ops@example.com) |

## Action Items

| ID | Action | Owner | Priority | Target Date | Status |
| --- | --- | --- | --- | --- | --- |
| AI-001 | Restore template | Felix Braun | P0 | 2027-01-08 | Closed |
| AI-002 | Canary query | Felix Braun | P0 | 2027-01-22 | Open |
| AI-003 | Keep index | Marta Kowalska | P1 | 2027-02-12 | Open |
${extra}
`;

describe('completion: people', () => {
  it('splits a people value into names, dropping roles in parentheses and placeholders', () => {
    assert.deepEqual(namesIn('Felix Braun (search on-call), Ines Duarte (SRE on-call)'), ['Felix Braun', 'Ines Duarte']);
    assert.deepEqual(namesIn('Dana Kim and Omar Haddad; Lena Fischer & @sre-team'), ['Dana Kim', 'Omar Haddad', 'Lena Fischer', '@sre-team']);
    assert.deepEqual(namesIn('**Nadia Rahman**'), ['Nadia Rahman']);
    assert.deepEqual(namesIn('[Name(s)]'), []);
    assert.deepEqual(namesIn('Names'), []);
    assert.deepEqual(namesIn('@username'), []);
  });

  it('collects owners, responders, people fields and @handles, most frequent first', () => {
    const ctx = service().context({ uri: 'file:///pm.md', version: 1, text: doc() });
    // Felix: responder + 2 owners; Nadia: Owner + IC; then one each in order of first mention.
    assert.deepEqual(peopleIn(ctx), ['Felix Braun', 'Nadia Rahman', 'Ines Duarte', 'Marta Kowalska', '@felix.b']);
  });

  it('counts an @handle once per mention, in an owner cell as in prose', () => {
    const text = doc(undefined, undefined, '| AI-004 | Dashboards | @felix.b | P2 | 2027-03-05 | Open |');
    const ctx = service().context({ uri: 'file:///pm.md', version: 1, text });
    // @felix.b: two mentions, a tie with Nadia, who was named first.
    assert.deepEqual(peopleIn(ctx), ['Felix Braun', 'Nadia Rahman', '@felix.b', 'Ines Duarte', 'Marta Kowalska']);
  });

  it('offers them in the owner column of an action table', () => {
    const items = at(doc(undefined, undefined, '| AI-004 | Dashboards | ‸'));
    assert.deepEqual(labels(items), ['Felix Braun', 'Nadia Rahman', 'Ines Duarte', 'Marta Kowalska', '@felix.b']);
    assert.deepEqual(edit(items[0]!), { range: { start: { line: 27, character: 24 }, end: { line: 27, character: 24 } }, newText: 'Felix Braun' });
    assert.equal(items[0]!.preselect, true);
  });

  it('replaces an owner placeholder in a table cell', () => {
    const items = at(doc(undefined, undefined, '| AI-004 | Dashboards | [Name]‸ | P2 | 2027-03-05 | Open |'));
    assert.deepEqual(edit(items[0]!).range, { start: { line: 27, character: 24 }, end: { line: 27, character: 30 } });
    assert.equal(items[0]!.filterText, '[Name]Felix Braun');
  });

  it('offers the names a people field does not list yet, for the element being typed', () => {
    const items = at(doc('Felix Braun (search on-call), ‸'));
    // Ines is gone from the document; Felix is already in the field.
    assert.deepEqual(labels(items), ['Nadia Rahman', 'Marta Kowalska', '@felix.b']);
    assert.deepEqual(edit(items[0]!), { range: { start: { line: 12, character: 56 }, end: { line: 12, character: 56 } }, newText: 'Nadia Rahman' });
  });

  it('replaces a people placeholder, adding the space after the key', () => {
    const items = at(doc(undefined, 'Name‸'));
    assert.deepEqual(labels(items), ['Felix Braun', 'Nadia Rahman', 'Ines Duarte', 'Marta Kowalska', '@felix.b']);
    assert.deepEqual(edit(items[1]!).range, { start: { line: 11, character: 26 }, end: { line: 11, character: 30 } });
    assert.equal(items[1]!.filterText, 'NameNadia Rahman');
    const glued = at(doc(undefined, '').replace('- **Incident Commander:** ', '- **Incident Commander:**‸'));
    assert.equal(edit(glued[0]!).newText, ' Felix Braun');
  });

  it('offers them after `Owner:` in a checkbox action item, up to the next comma', () => {
    const items = at(doc(undefined, undefined, '\n- [ ] Add a template-drift alert - Owner: ‸[Name], Due: 2027-03-01'));
    assert.equal(items[0]!.label, 'Felix Braun');
    assert.deepEqual(edit(items[0]!), { range: { start: { line: 28, character: 42 }, end: { line: 28, character: 48 } }, newText: 'Felix Braun' });
  });

  it('offers @handles after an @ in running text, but not after an e-mail name', () => {
    const items = at(doc().replace('## Action Items', 'Thanks to @f‸\n\n## Action Items'));
    assert.deepEqual(labels(items), ['@felix.b']);
    assert.deepEqual(edit(items[0]!).range.start.character, 10);
    assert.deepEqual(at(doc().replace('## Action Items', 'mail ops@‸\n\n## Action Items')), []);
  });

  it('offers owners in the owner column of a timeline table', () => {
    const text = doc().replace(
      '| Time (UTC) | Event |\n| --- | --- |\n| 2025-09-03 22:26 | Alert fired; paged @felix.b (mail ops@example.com) |',
      '| Time (UTC) | Event | Owner |\n| --- | --- | --- |\n| 2025-09-03 22:26 | Alert fired | Ines Duarte |\n| 2025-09-03 22:31 | Acknowledged | ‸',
    );
    // Nadia and Ines are named twice each; Nadia was named first.
    assert.deepEqual(labels(at(text)), ['Felix Braun', 'Nadia Rahman', 'Ines Duarte', 'Marta Kowalska']);
  });
});
