// Deterministic generated post-mortems for the benchmark and the incremental-analysis test:
// a real template's skeleton with a long timeline and a long action-item list, in the shape
// each template style writes them (standard: `| HH:MM | Event |` table; report:
// `| YYYY-MM-DD HH:MM | Event | Owner |` table; classic: `- **h:mm AM**: event` bullets).

export type Style = 'standard' | 'report' | 'classic';
export const STYLES: readonly Style[] = ['standard', 'report', 'classic'];

/** mulberry32: small, fast, and the same sequence on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PEOPLE = ['Dana Kim', 'Omar Haddad', 'Lena Fischer', 'Tomás Rivera', 'Mateo Chen', 'Anika Patel', 'Sade Okafor', 'Luis Garcia'];
const HANDLES = ['@dkim', '@ohaddad', '@lfischer', '@trivera', '@mchen', '@apatel', '@sokafor', '@lgarcia'];
const SERVICES = ['`payments-api`', '`auth-api`', 'the session store', '`cache-eu-1`', 'the edge proxy', '`orders-db`', 'the queue workers', 'checkout'];
// Investigation noise: no wording that marks a phase (paged, rolled back, failed over...).
const VERBS = ['Checked', 'Restarted', 'Scaled up', 'Reviewed the config of', 'Drained', 'Inspected logs of', 'Pinged the owner of', 'Raised limits on', 'Compared metrics of', 'Profiled'];
const NOTES = [
  'error rate unchanged at 38%',
  'latency back under 200 ms at p99',
  'no recent deployments found',
  'connections at their limit',
  'retry storm visible in the logs',
  'support tickets still arriving',
  'dashboards updated for the responders',
  'status page updated',
  'handover notes written in the incident channel',
];
const ACTIONS = [
  'Add exponential backoff with jitter to token refresh',
  'Replace the error-rate alert with a multi-window burn-rate alert',
  'Add a per-client rate limit at the edge',
  'Show request volume by app version on the dashboard',
  'Document the failover procedure in the runbook',
  'Exercise a primary promotion in staging under load',
  'Separate the staging and production configuration keys',
  'Add a pre-deploy capacity check',
];
const STATUSES = ['Open', 'In Progress', 'Closed', 'Not Started'];

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const pad = (n: number) => String(n).padStart(2, '0');

/** The incident spans the same hours whatever the number of rows (rows share minutes when many). */
const SPAN_SECONDS = 20 * 3600;

interface Clock {
  /** Seconds since 2025-04-22 00:00 in the timeline's zone. */
  t: number;
  /** Mean seconds between rows. */
  step: number;
}

// Phase entries at fixed places so the metrics exist; everything else is investigation noise.
const PHASES: [number, keyof Stated, string][] = [
  [0, 'start', 'Incident began: first 5xx responses from'],
  [0.02, 'detected', 'Alert fired and paged the on-call engineer for'],
  [0.03, 'acknowledged', 'On-call engineer acknowledged the page for'],
  [0.5, 'mitigated', 'Mitigation applied: rate-limited traffic to'],
  [0.9, 'restored', 'Service restored: error rate back to baseline on'],
  [1, 'end', 'Incident resolved after stable metrics on'],
];

/** When each phase entry happened (seconds, like Clock.t): what the header fields state. */
interface Stated {
  start: number;
  detected: number;
  acknowledged: number;
  mitigated: number;
  restored: number;
  end: number;
}

function event(r: () => number, i: number, total: number, clock: Clock, stated: Stated): string {
  for (const [at, phase, text] of PHASES) {
    if (i !== Math.min(total - 1, Math.floor(at * total))) continue;
    stated[phase] = clock.t;
    return `${text} ${pick(r, SERVICES)}`;
  }
  return `${pick(r, VERBS)} ${pick(r, SERVICES)}; ${pick(r, NOTES)}`;
}

function timelineRow(style: Style, r: () => number, clock: Clock, i: number, total: number, stated: Stated): string {
  if (i > 0) clock.t += Math.floor(r() * 2 * clock.step);
  const minutes = Math.floor(clock.t / 60);
  const day = 22 + Math.floor(minutes / 1440);
  const hh = Math.floor(minutes / 60) % 24;
  const mm = minutes % 60;
  const text = event(r, i, total, clock, stated);
  // One row in a few hundred is unfinished, so the rules have something to say everywhere.
  const unfinished = i % 397 === 201;
  if (style === 'standard') return `| ${unfinished ? 'HH:MM' : `${pad(hh)}:${pad(mm)}`} | ${text} |`;
  if (style === 'report') {
    const owner = unfinished ? '[Engineer Name]' : pick(r, PEOPLE);
    return `| 2025-04-${day} ${pad(hh)}:${pad(mm)} | ${text} | ${owner} |`;
  }
  const h12 = hh % 12 === 0 ? 12 : hh % 12;
  const time = unfinished ? '[Time]' : `${h12}:${pad(mm)} ${hh < 12 ? 'AM' : 'PM'}`;
  return `- **${time}**: ${text}.`;
}

function actionRow(style: Style, r: () => number, i: number): string {
  const due = `2027-${pad(1 + (i % 12))}-${pad(1 + (i % 28))}`;
  const owner = i % 211 === 100 ? '[Name]' : pick(r, HANDLES);
  if (style === 'standard') return `| ${pick(r, ACTIONS)} (${i + 1}) | ${owner} | ${due} | ${pick(r, STATUSES)} |`;
  if (style === 'report') return `| INC-4512-${i + 1} | ${pick(r, ACTIONS)} | ${owner} | ${due} | ${pick(r, STATUSES)} |`;
  return `- [${r() < 0.3 ? 'x' : ' '}] **${pick(r, ACTIONS)} (${i + 1})**: follow-up from the review - Owner: ${pick(r, PEOPLE)}, Due: ${due}`;
}

/** The document around the two long lists; `{{TIMELINE}}` and `{{ACTIONS}}` mark where they go. */
const SKELETON: Record<Style, string> = {
  standard: `# Post-Mortem: Payments API errors after a Redis primary promotion

**Last Updated:** 2025-04-25

## Incident Summary

**Incident ID:** INC-2025-04-22-004
**Date:** 2025-04-22
**Duration:** {{DURATION}}
**Severity:** P1
**Status:** Resolved

### Impact
- **Users Affected:** 12% (about 41,000 payment attempts)
- **Services Affected:** \`payments-api\`, checkout, subscription renewals
- **Data Loss:** No
- **Revenue Impact:** $18,400 (estimated)

## Timeline

| Time (UTC) | Event |
|------------|-------|
{{TIMELINE}}

## Root Cause Analysis

### What Happened?
The Redis client used by \`payments-api\` caches the cluster topology at start-up, so every pod kept writing to the former primary.

### Why Did It Happen?
1. Why did payments fail? Writes to Redis were rejected with \`READONLY\` errors.
2. Why were writes rejected? The pods still wrote to the former primary.

## Action Items

| Action | Owner | Due Date | Status |
|--------|-------|----------|--------|
{{ACTIONS}}

## Lessons Learned

### Technical
- Client-side topology caching turns a routine promotion into an outage.

### Process
- Planned maintenance needs a list of dependent services.
`,
  report: `# Post-Mortem Report: Login failures from session-store connection exhaustion

## 1. Incident Summary

*   **Incident ID:** INC-4512
*   **Date & Time (UTC):** {{START}} - {{END}}
*   **Duration:** {{DURATION}}
*   **Service(s) Affected:** Auth API, mobile app sign-in
*   **Severity:** P1
*   **Impact:** About 38% of sign-in requests failed for 78 minutes.
*   **Incident Commander:** Dana Kim
*   **Key Responders:** Omar Haddad, Lena Fischer

## 2. Detection

*   **How was the incident detected?** Automated alert from Prometheus.
*   **Time to Detect (MTTD):** {{MTTD}}
*   **Was detection effective?** No. The alert window is too long.

## 3. Response Timeline

| Timestamp (UTC) | Event | Owner |
| :-------------- | :---- | :---- |
{{TIMELINE}}

*   **Time to Acknowledge (MTTA):** {{MTTA}}
*   **Time to Resolve (MTTR):** {{DURATION}}

## 4. Root Cause Analysis

*   **What was the immediate cause?** Mobile app 8.14 retried token refresh without backoff.
*   **What were the contributing factors?** The connection limit had not been revisited.

## 5. Resolution

*   **How was the incident resolved?** Rate-limited token refresh at the edge.
*   **Was the resolution effective?** Yes

## 6. Lessons Learned

*   **What went well?** The incident was declared within 6 minutes of the alert.
*   **What could have gone better?** Detection took 11 minutes.

## 7. Action Items

| ID | Description | Owner | Due Date | Status |
| :- | :---------- | :---- | :------- | :----- |
{{ACTIONS}}

## 8. Supporting Information

*   [Auth API dashboard](https://grafana.example.com/d/auth-api)
`,
  classic: `# Incident Post-Mortem: Checkout payment authorizations failing overnight

**Date:** 2025-04-22
**Duration:** {{START}} to {{END}}
**Impact:** About 18% of checkout attempts failed at payment authorization.
**Severity:** High
**Prepared by:** Ravi Shah, Mei Lin

## Issue Summary

A scheduled configuration rollout lowered the connection-pool size of \`payments-gateway\`, and roughly 18% of payment authorization requests began timing out.

## Timeline

_All times in Pacific Time (PT)_

{{TIMELINE}}

## Root Cause Analysis

A configuration change intended for staging was included in the production rollout.

## Resolution

- The gateway configuration was rolled back to 64 connections per node.

## Impact Assessment

- **Users Affected:** About 18% of checkout attempts
- **Services Affected:** Checkout payment authorization
- **Duration:** {{DURATION}}
- **Business Impact:** About $310,000 of orders were delayed

## Action Items

### Immediate Actions (0-7 days)

{{ACTIONS}}

## Lessons Learned

### What Went Well

- The alert fired nine minutes after the first failures.

### What Went Wrong

- A shared configuration key let a staging value reach production.

## Prevention Measures

Configuration keys that differ between environments now live in separate files.
`,
};

/**
 * A post-mortem of about `bytes` bytes (UTF-8 length within a few percent): three quarters of
 * the growth in the timeline, one quarter in the action items. Same seed, same text.
 */
export function generatePostmortem(style: Style, bytes: number, seed = 1): string {
  const skeleton = SKELETON[style];
  const budget = Math.max(0, bytes - Buffer.byteLength(skeleton));
  // Estimate the counts from a sample, then generate for real with a fresh PRNG.
  const sample = build(style, 200, 60, seed);
  const perRow = Buffer.byteLength(sample.timeline) / 200;
  const perAction = Buffer.byteLength(sample.actions) / 60;
  const rows = Math.max(8, Math.round((budget * 0.75) / perRow));
  const actions = Math.max(3, Math.round((budget * 0.25) / perAction));
  const { timeline, actions: items, stated } = build(style, rows, actions, seed);
  // The header states what the timeline says, as in a finished report.
  const minutes = (s: number) => Math.floor(s / 60);
  const values: Record<string, string> = {
    TIMELINE: timeline,
    ACTIONS: items,
    START: stamp(style, minutes(stated.start)),
    END: stamp(style, minutes(stated.end)),
    DURATION: spelled(minutes(stated.end) - minutes(stated.start)),
    MTTD: spelled(minutes(stated.detected) - minutes(stated.start)),
    MTTA: spelled(minutes(stated.acknowledged) - minutes(stated.detected)),
  };
  return skeleton.replace(/\{\{(\w+)\}\}/g, (_, k: string) => values[k]!);
}

/** A stated start or end in the style's own way of writing times. */
function stamp(style: Style, minutes: number): string {
  const hh = Math.floor(minutes / 60) % 24;
  const mm = minutes % 60;
  if (style === 'report') return `2025-04-${22 + Math.floor(minutes / 1440)} ${pad(hh)}:${pad(mm)}`;
  return `${hh % 12 === 0 ? 12 : hh % 12}:${pad(mm)} ${hh < 12 ? 'AM' : 'PM'}`;
}

function spelled(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return [h ? `${h} hour${h === 1 ? '' : 's'}` : '', m || !h ? `${m} minute${m === 1 ? '' : 's'}` : ''].filter(Boolean).join(' ');
}

function build(style: Style, rows: number, actions: number, seed: number) {
  const r = prng(seed);
  const clock: Clock = { t: (style === 'classic' ? 23 * 60 + 32 : 21 * 60 + 47) * 60, step: SPAN_SECONDS / rows };
  const stated: Stated = { start: 0, detected: 0, acknowledged: 0, mitigated: 0, restored: 0, end: 0 };
  const timeline: string[] = [];
  for (let i = 0; i < rows; i++) timeline.push(timelineRow(style, r, clock, i, rows, stated));
  const items: string[] = [];
  for (let i = 0; i < actions; i++) items.push(actionRow(style, r, i));
  return { timeline: timeline.join('\n'), actions: items.join('\n'), stated };
}

/** Line numbers of the timeline entries (for edits "in the middle of the timeline"). */
export function timelineLines(text: string, style: Style): number[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^## .*Timeline/.test(l));
  const out: number[] = [];
  for (let i = start + 1; i < lines.length && !/^## /.test(lines[i]!); i++) {
    const l = lines[i]!;
    if (style === 'classic' ? l.startsWith('- **') : /^\| (?:\d|HH)/.test(l)) out.push(i);
  }
  return out;
}
