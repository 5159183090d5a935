// An action item as the model holds it: what its line says, and where on the line. Its ranges are made
// when asked, so that moving the items below an edit down a line costs one object each, not sixteen.
import type { ActionItem, Range } from './types';
import { lineRange } from './text';

/** Columns [start, end) on the item's line; -1 where the item has no such part. */
export interface ItemColumns {
  idStart: number;
  idEnd: number;
  ownerStart: number;
  ownerEnd: number;
  dueStart: number;
  dueEnd: number;
  statusStart: number;
  statusEnd: number;
  /** The line's length. */
  end: number;
}

export class Item implements ActionItem, ItemColumns {
  id: string | null = null;
  text = '';
  owner: string | null = null;
  dueText: string | null = null;
  due: string | null = null;
  priority: string | null = null;
  status: string | null = null;
  done = false;
  line = 0;
  shape: 'table' | 'checkbox' = 'table';
  idStart = -1;
  idEnd = -1;
  ownerStart = -1;
  ownerEnd = -1;
  dueStart = -1;
  dueEnd = -1;
  statusStart = -1;
  statusEnd = -1;
  end = 0;

  get idRange(): Range | null {
    return this.span(this.idStart, this.idEnd);
  }
  get ownerRange(): Range | null {
    return this.span(this.ownerStart, this.ownerEnd);
  }
  get dueRange(): Range | null {
    return this.span(this.dueStart, this.dueEnd);
  }
  get statusRange(): Range | null {
    return this.span(this.statusStart, this.statusEnd);
  }
  get range(): Range {
    return lineRange(this.line, 0, this.end);
  }

  /** The same item `delta` lines further down. Spelled out: this runs for every item below an edit. */
  moved(delta: number): Item {
    const m = new Item();
    m.id = this.id;
    m.text = this.text;
    m.owner = this.owner;
    m.dueText = this.dueText;
    m.due = this.due;
    m.priority = this.priority;
    m.status = this.status;
    m.done = this.done;
    m.line = this.line + delta;
    m.shape = this.shape;
    m.idStart = this.idStart;
    m.idEnd = this.idEnd;
    m.ownerStart = this.ownerStart;
    m.ownerEnd = this.ownerEnd;
    m.dueStart = this.dueStart;
    m.dueEnd = this.dueEnd;
    m.statusStart = this.statusStart;
    m.statusEnd = this.statusEnd;
    m.end = this.end;
    return m;
  }

  private span(start: number, end: number): Range | null {
    return start < 0 ? null : lineRange(this.line, start, end);
  }
}
