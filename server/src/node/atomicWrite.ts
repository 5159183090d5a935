// Replacing a file so that a reader, or a run killed half-way, sees the old text or the new one,
// never a mix: write a temporary file beside it, flush it to disk, rename it over the original.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { threadId } from 'node:worker_threads';

export function writeFileAtomic(file: string, text: string): void {
  // A link stays a link: the file it points to is what gets replaced.
  const target = fs.realpathSync(file);
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${threadId}.tmp`);
  const mode = fs.statSync(target).mode & 0o7777;
  try {
    const fd = fs.openSync(tmp, 'w', mode);
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
