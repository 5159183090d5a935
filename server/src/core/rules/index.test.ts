import assert from 'node:assert/strict';
import { ConfigSpec } from '../template/schema';
import { countingRules, RULES } from '.';

describe('countingRules', () => {
  const ids = (rules: { id: string }[]) => rules.map((r) => r.id);

  it('by default: every rule at error or warning, none at information or hint', () => {
    const counting = ids(countingRules(ConfigSpec.parse({})));
    for (const r of RULES) assert.equal(counting.includes(r.id), r.defaultSeverity === 'error' || r.defaultSeverity === 'warning', r.id);
    assert.ok(!counting.includes('blameful-language'));
    assert.ok(counting.includes('placeholder'));
  });

  it("the config's levels decide: raised to error it counts, lowered to information or off it does not", () => {
    const config = ConfigSpec.parse({ rules: { 'blameful-language': 'error', placeholder: 'information', 'missing-field': 'off', 'section-order': 'warning' } });
    const counting = ids(countingRules(config));
    assert.ok(counting.includes('blameful-language'));
    assert.ok(counting.includes('section-order'));
    assert.ok(!counting.includes('placeholder'));
    assert.ok(!counting.includes('missing-field'));
    // In the order findings are reported.
    assert.deepEqual(
      counting,
      ids(RULES).filter((id) => counting.includes(id)),
    );
  });
});
