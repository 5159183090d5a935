// The preview card as a new user reads it: an invalid severity is marked, a template's sample
// owner is nobody, and the chart's axis speaks the document's clock.
import assert from 'node:assert/strict';
import { doc, fixture, service } from './helpers';

const card = (html: string) => /<section class="pm-card pm-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
const axisLabels = (html: string) => [...html.matchAll(/<text class="pm-axis-label"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe('preview card marks', () => {
  it('marks a severity that is not in the template vocabulary, with the finding as its title', () => {
    const text = fixture('filled/classic.md').replace('**Severity:** High', '**Severity:** Sev 1');
    const html = card(service().preview(doc(text), { mode: 'webview' }).body);
    assert.match(html, /data-field="severity">Severity <strong class="pm-invalid"[^>]*title="[^"]*Sev 1[^"]*"[^>]*>⚠ Sev 1<\/strong>/);
    const valid = card(service().preview(doc(fixture('filled/classic.md')), { mode: 'webview' }).body);
    assert.doesNotMatch(valid, /pm-invalid/);
  });

  it('counts an action item owned by a placeholder (Name, @username) as having no owner', () => {
    const text = fixture('filled/standard.md').replace('| @mchen | 2027-01-15 |', '| @username | 2027-01-15 |').replace('| @apatel | 2027-01-22 |', '| Name | 2027-01-22 |');
    const body = service().preview(doc(text), { mode: 'webview' }).body;
    const owners = /<table class="pm-owners">[\s\S]*?<\/table>/.exec(body)![0];
    assert.doesNotMatch(owners, /@username|<td>Name<\/td>/);
    assert.match(owners, /<td><span class="pm-none">no owner<\/span><\/td><td>2<\/td>/);
  });

  it('a 12-hour document gets 12-hour axis labels; a 24-hour one keeps them', () => {
    const classic = service().preview(doc(fixture('filled/classic.md')), { mode: 'webview' }).body;
    assert.deepEqual(axisLabels(classic), ['12:00 AM', '12:30 AM', '1:00 AM', '1:30 AM', '3:00 AM']);
    assert.match(classic, /<title>2024-03-09 11:41 PM — Alert fired/);
    assert.deepEqual(axisLabels(service().preview(doc(fixture('filled/standard.md')), { mode: 'webview' }).body), ['14:00', '14:30', '15:00', '15:30', '16:00', '16:30']);
  });
});
