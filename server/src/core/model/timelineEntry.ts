// A timeline entry as the model holds it. Its ranges are made from its line and columns when asked:
// most entries of a long timeline never are, and typing a line into the middle of one moves thousands
// of entries down a line on each keystroke, which should cost one object per entry, not thirteen.
import type { Draft } from './timeline';
import type { Range, TimelineEntry, TimeZoneSource } from './types';
import { lineRange } from './text';

class Entry implements TimelineEntry {
  readonly timeText: string;
  readonly hasDate: boolean;
  readonly text: string;
  readonly owner: string | null;
  readonly phase: TimelineEntry['phase'];
  readonly line: number;
  readonly timeStart: number;
  readonly textStart: number;
  readonly ownerStart: number;
  readonly end: number;
  /** Only where the text or owner is not on the entry's line (a block's heading, its own field). */
  readonly textAt: Range | null;
  readonly ownerAt: Range | null;

  constructor(
    d: Draft,
    readonly at: number | null,
    readonly zone: string,
    readonly zoneSource: TimeZoneSource,
  ) {
    this.timeText = d.timeText;
    this.hasDate = !!d.time?.date;
    this.text = d.text;
    this.owner = d.owner;
    this.phase = d.phase;
    this.line = d.line;
    this.timeStart = d.timeStart;
    this.textStart = d.textStart;
    this.ownerStart = d.ownerStart;
    this.end = d.end;
    this.textAt = d.textRange ?? null;
    this.ownerAt = d.ownerRange ?? null;
  }

  get timeRange(): Range {
    return lineRange(this.line, this.timeStart, this.timeStart + this.timeText.length);
  }
  get textRange(): Range {
    return this.textAt ?? lineRange(this.line, this.textStart, this.textStart + this.text.length);
  }
  get ownerRange(): Range | null {
    return this.owner ? (this.ownerAt ?? lineRange(this.line, this.ownerStart, this.ownerStart + this.owner.length)) : null;
  }
  get range(): Range {
    return lineRange(this.line, 0, this.end);
  }
}

export function newEntry(d: Draft, at: number | null, entryZone: string, zoneSource: TimeZoneSource): TimelineEntry {
  return new Entry(d, at, entryZone, zoneSource);
}
