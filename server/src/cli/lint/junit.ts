// JUnit XML: one test case per file, failed when it has errors; other findings go to its output.
import { messageText, severityName, type FileReport } from './report';

/** XML text and attribute values; characters XML 1.0 cannot hold are dropped. */
const xml = (s: string) =>
  s
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');

export function junit(files: FileReport[]): string {
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  const cases = files.map(({ file, checked, problem, diagnostics }) => {
    const open = `    <testcase classname="postmortem" name="${xml(file)}" file="${xml(file)}">`;
    if (problem) {
      errors++;
      return `${open}\n      <error message="${xml(problem)}" type="unreadable"/>\n    </testcase>`;
    }
    if (!checked) {
      skipped++;
      return `${open}\n      <skipped message="not a post-mortem"/>\n    </testcase>`;
    }
    const line = (d: (typeof diagnostics)[number]) => `${file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severityName(d)} ${String(d.code)} ${messageText(d)}`;
    const bad = diagnostics.filter((d) => severityName(d) === 'error');
    const other = diagnostics.filter((d) => severityName(d) !== 'error');
    const body: string[] = [];
    if (bad.length) {
      failures++;
      body.push(`      <failure message="${bad.length} error(s)" type="postmortem">${xml(bad.map(line).join('\n'))}</failure>`);
    }
    if (other.length) body.push(`      <system-out>${xml(other.map(line).join('\n'))}</system-out>`);
    return body.length ? `${open}\n${body.join('\n')}\n    </testcase>` : `${open.slice(0, -1)}/>`;
  });
  const counts = `tests="${files.length}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="postmortem" ${counts}>`, `  <testsuite name="postmortem lint" ${counts}>`, ...cases, '  </testsuite>', '</testsuites>'].join(
    '\n',
  );
}
