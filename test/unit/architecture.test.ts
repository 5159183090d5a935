// ARCHITECTURE.md's code map stays true: it names every folder under server/src and client/src.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

function folders(dir: string): string[] {
  const out = [dir];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) if (e.isDirectory()) out.push(...folders(`${dir}/${e.name}`));
  return out;
}

describe('ARCHITECTURE.md', () => {
  const text = fs.readFileSync(path.join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const all = [...folders('server/src'), ...folders('client/src')];

  it('finds the folders it checks', () => {
    assert.ok(all.includes('server/src/core/rules') && all.includes('client/src'), all.join(', '));
  });

  for (const dir of all) {
    it(`names ${dir} in its code map`, () => {
      assert.ok(text.includes(`- \`${dir}\``), `add a line "- \`${dir}\` — what it holds" to the code map`);
    });
  }
});
