import assert from 'node:assert/strict';
import { applyEdits, ruleKit } from '../../../../test/unit/ruleKit';
import { rankSeverities } from './invalidSeverity';

const kit = ruleKit('invalid-severity');

// sev template: SEV-1..SEV-4; the severity sits on line 5.
const sev = (value: string) => `# Incident Postmortem: Checkout errors

## Incident Summary

- **Incident ID:** INC-20250110-001
- **Severity:** ${value}

## Executive Summary

Checkout failed for 20 minutes.

## Root Cause

A config push emptied the allow-list.
`;
// classic template: Critical, High, Medium, Low.
const classic = (value: string) => `# Incident Post-Mortem: Checkout errors

**Date:** 2025-01-10  
**Severity:** ${value}  

## Issue Summary

Checkout failed for 20 minutes.

## Timeline

- **10:00**: Errors began

## Root Cause Analysis

A config push emptied the allow-list.
`;
// standard template: P0..P3.
const standard = (value: string) => `# Post-Mortem: Payments errors

## Incident Summary

**Severity:** ${value}

## Timeline

| Time (UTC) | Event |
|------------|-------|
| 13:52 | Errors began |

## Root Cause Analysis

The client cached the cluster topology.
`;

const prefix = '- **Severity:** ';

describe('invalid-severity', () => {
  it('reports a value outside the vocabulary, on the value only', () => {
    const d = kit.check(sev('SEV2'));
    assert.equal(d.length, 1);
    assert.deepEqual(d[0]!.range, { start: { line: 5, character: prefix.length }, end: { line: 5, character: prefix.length + 4 } });
    assert.equal(d[0]!.message, "Severity 'SEV2' is not one of this template's values: SEV-1, SEV-2, SEV-3, SEV-4.");
    assert.equal(d[0]!.severity, 1);
  });

  it("another common scale in a document only shaped like the template is information; chosen, the template's scale is required", () => {
    const [d] = kit.check(standard('high'));
    assert.equal(d!.severity, 3);
    assert.match(String(d!.message), /checked against that template because of its shape/);
    assert.equal(kit.check(`---\ntemplate: standard\n---\n${standard('high')}`)[0]!.severity, 1);
    assert.equal(kit.check(standard('P7'))[0]!.severity, 1, 'not a common scale value');
  });

  it('accepts the values in any case, in bold or code, and with an explanation after them', () => {
    for (const v of ['SEV-2', 'sev-2', '**SEV-2**', '`SEV-3`', 'SEV-2 (major)', 'SEV-1 - customer facing', 'SEV-4: internal only']) {
      assert.deepEqual(kit.check(sev(v)), [], v);
    }
    assert.deepEqual(kit.check(classic('high')), []);
    assert.deepEqual(kit.check(standard('P2')), []);
  });

  it('leaves unchosen lists and empty values to the placeholder and missing-field rules', () => {
    assert.deepEqual(kit.check(sev('SEV-1 / SEV-2 / SEV-3 / SEV-4')), []);
    assert.deepEqual(kit.check(standard('P0 | P1 | P2 | P3')), []);
    assert.deepEqual(kit.check(classic('[Critical/High/Medium/Low]')), []);
    assert.deepEqual(kit.check(sev('')), []);
  });

  it('offers every allowed value, the closest first and preferred', () => {
    const { actions } = kit.fixes(sev('SEV2'));
    assert.deepEqual(
      actions.map((a) => [a.title, a.isPreferred]),
      [
        ["Change severity 'SEV2' to SEV-2", true],
        ["Change severity 'SEV2' to SEV-1", false],
        ["Change severity 'SEV2' to SEV-3", false],
        ["Change severity 'SEV2' to SEV-4", false],
      ],
    );
  });

  it('picks the closest value by normalised form, number, prefix, then edit distance', () => {
    assert.equal(rankSeverities('Sev 2', ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'])[0], 'SEV-2');
    assert.equal(rankSeverities('3', ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'])[0], 'SEV-3');
    assert.equal(rankSeverities('S4', ['SEV-1', 'SEV-2', 'SEV-3', 'SEV-4'])[0], 'SEV-4');
    assert.equal(rankSeverities('crit', ['Critical', 'High', 'Medium', 'Low'])[0], 'Critical');
    assert.equal(rankSeverities('med', ['Critical', 'High', 'Medium', 'Low'])[0], 'Medium');
    assert.equal(rankSeverities('Hgih', ['Critical', 'High', 'Medium', 'Low'])[0], 'High');
    assert.equal(rankSeverities('Sev 1', ['P0', 'P1', 'P2', 'P3'])[0], 'P1');
    assert.deepEqual(rankSeverities('Major', ['P0', 'P1', 'P2']), ['P0', 'P1', 'P2']);
  });

  it('replaces only the value, keeping bold marks and the explanation', () => {
    const text = sev('**Sev 2** (major)');
    const d = kit.check(text);
    assert.deepEqual(d[0]!.range, { start: { line: 5, character: prefix.length + 2 }, end: { line: 5, character: prefix.length + 7 } });
    const { actions, edits } = kit.fixes(text);
    assert.equal(actions[0]!.title, "Change severity 'Sev 2' to SEV-2");
    const fixed = applyEdits(text, edits(actions[0]!));
    assert.equal(fixed, sev('**SEV-2** (major)'));
    assert.deepEqual(kit.check(fixed), []);
  });

  it('fixes a classic severity with a hard line break after it', () => {
    const text = classic('crit');
    const { actions, edits } = kit.fixes(text);
    assert.equal(actions[0]!.title, "Change severity 'crit' to Critical");
    assert.equal(applyEdits(text, edits(actions[0]!)), classic('Critical'));
  });
});
