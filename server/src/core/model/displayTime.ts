// The zone a post-mortem's times are shown in, and an instant written in it: the preview, Insights and
// the timeline rules' messages all speak in this one zone.
import type { Postmortem } from './types';
import { formatInstant } from '../time';
import { memoByInstant } from '../time/instantMemo';

/** The zone times are shown in: the one the timeline states, else the document's. */
export const displayZone = (model: Postmortem): string => model.timeline.statedZone ?? model.zone;

const formatted = memoByInstant((zone, ms) => formatInstant(ms, zone, 'yyyy-MM-dd HH:mm ZZZZ'));

/** An instant as the author would read it, e.g. `2024-03-10 09:00 PDT`. */
export const formatAt = (model: Postmortem, ms: number): string => formatted(displayZone(model), ms);
