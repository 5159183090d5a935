// The package version, for --version and the SARIF tool entry.
import * as fs from 'node:fs';
import * as path from 'node:path';

export function version(): string {
  // dist/cli.js sits one folder below package.json; the sources under server/src/cli three.
  for (const up of ['..', path.join('..', '..', '..')]) {
    const file = path.join(__dirname, up, 'package.json');
    if (fs.existsSync(file)) return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return 'unknown';
}
