import assert from 'node:assert/strict';
import { sectionAt } from './sections';
import type { Section } from './types';

describe('sectionAt', () => {
  const section = (title: string, start: number, end: number): Section => ({
    title,
    level: 2,
    headingRange: { start: { line: start, character: 0 }, end: { line: start, character: 5 } },
    range: { start: { line: start, character: 0 }, end: { line: end, character: 0 } },
    templateId: null,
    children: [],
  });
  // # Title (0-20) > ## A (2-9) > ### A1 (5-7); ## B (10-20); line 1 is under the title only.
  const sections = [section('Title', 0, 20), section('A', 2, 9), section('A1', 5, 7), section('B', 10, 20)];

  it('is the innermost section holding the line', () => {
    const at = (line: number) => sectionAt(sections, line)?.title ?? null;
    assert.deepEqual([0, 1, 2, 4, 5, 7, 8, 9, 10, 20, 21].map(at), ['Title', 'Title', 'A', 'A', 'A1', 'A1', 'A', 'A', 'B', 'B', null]);
  });

  it('is null before the first heading and with no sections', () => {
    assert.equal(sectionAt([section('A', 3, 9)], 1), null);
    assert.equal(sectionAt([], 0), null);
  });
});
