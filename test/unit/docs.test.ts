import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../server/src/core/rules';
import { ROOT } from './helpers';

// Every rule is documented in README (with its real default severity) and configurable in settings.
describe('rules are documented and configurable', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties['postmortem.rules'].properties as Record<string, unknown>;

  for (const rule of RULES) {
    it(`${rule.id}: README section with its default severity, and a setting`, () => {
      assert.ok(readme.includes(`### \`${rule.id}\` (${rule.defaultSeverity})`), `README lacks "### \`${rule.id}\` (${rule.defaultSeverity})"`);
      assert.ok(readme.includes(`| [\`${rule.id}\`](#${rule.id}-${rule.defaultSeverity}) | ${rule.defaultSeverity} |`), 'README rule table row');
      assert.ok(settings[rule.id], `package.json postmortem.rules.${rule.id}`);
    });
  }

  it('documents no rule that does not exist', () => {
    const ids = new Set(RULES.map((r) => r.id));
    for (const m of readme.matchAll(/^### `([a-z-]+)` \(/gm)) assert.ok(ids.has(m[1]!), `README documents unknown rule ${m[1]}`);
    for (const id of Object.keys(settings)) assert.ok(ids.has(id), `setting for unknown rule ${id}`);
  });
});
