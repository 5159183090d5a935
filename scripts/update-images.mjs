#!/usr/bin/env node
// `npm run images`: copy the README pictures from the last end-to-end run (test-artifacts/editor.png
// and preview.png, written by `npm run test:e2e`) to docs/images. Tests never write there themselves.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const from = join(ROOT, 'test-artifacts');
const to = join(ROOT, 'docs', 'images');
const pictures = ['editor.png', 'preview.png'];
const missing = pictures.filter((p) => !existsSync(join(from, p)));
if (missing.length) {
  console.error(`images: ${missing.map((p) => `test-artifacts/${p}`).join(' and ')} not found: run \`npm run test:e2e\` first.`);
  process.exit(1);
}
mkdirSync(to, { recursive: true });
for (const p of pictures) {
  copyFileSync(join(from, p), join(to, p));
  console.log(`images: test-artifacts/${p} -> docs/images/${p}`);
}
