// Which incident phase a timeline event marks, from its wording.
import type { Phase } from '../model/types';

const TAG = /\[\s*(?:phase\s*:\s*)?(start(?:ed)?|detect(?:ed|ion)?|ack(?:nowledged)?|mitigat(?:ed|ion)|restor(?:ed|e)|resolv(?:ed|e))\s*\]/i;
const TAG_PHASE: Readonly<Record<string, Phase>> = {
  start: 'started',
  detect: 'detected',
  ack: 'acknowledged',
  mitigat: 'mitigated',
  restor: 'restored',
  resolv: 'resolved',
};

interface Rule {
  phase: Phase;
  re: RegExp;
  /** 2 for phrases naming what happened ('incident resolved'), 1 for lone verbs ('resolved'). */
  tier: number;
}

// '(?<![-\w])incident' keeps 'post-incident ...' out.
const INC = '(?<![-\\w])(?:incident|outage|issue|impact|degradation)';
const rule = (phase: Phase, tier: number, src: string): Rule => ({ phase, tier, re: new RegExp(src, 'gi') });

const RULES: readonly Rule[] = [
  rule('started', 2, `${INC}\\s+(?:began|begins|started|starts|start)\\b`),
  rule('started', 2, `\\bstart\\s+of\\s+(?:the\\s+)?(?:incident|outage|impact)\\b`),
  rule('started', 2, `\\bfirst\\s+(?:errors?|failures?|5\\d\\ds?)\\b`),
  rule('started', 2, `\\b(?:errors?|failures?)\\s+(?:began|started)\\b(?!\\s+to\\s+(?:subside|drop|decrease|recover|clear))`),
  rule('started', 2, `\\b(?:began|begins|started|starts)\\s+failing\\b|\\b(?:stopped|stops)\\s+responding\\b|\\bwent\\s+down\\b`),
  rule('detected', 2, `\\b(?:alerts?|alarms?|monitors?)\\s+(?:fired|firing|triggered|went\\s+off|raised)\\b`),
  rule('detected', 2, `\\b(?:pagerduty|opsgenie)\\s+(?:alert|page)\\b|\\bpager\\s+storm\\b`),
  rule(
    'detected',
    2,
    `\\bpage\\s+sent\\b|\\b(?:customers?|users?)\\s+(?:reports?|reported|complaints?)\\b|\\breported\\s+by\\b|\\bincoming\\s+reports?\\b|\\b(?:is|was|were)\\s+reported\\b|\\bautomated\\s+(?:warning|alert)\\b`,
  ),
  rule('detected', 2, `${INC}\\s+detected\\b|\\bfirst\\s+(?:detected|noticed|reported|observed|reports?\\s+of)\\b`),
  // Someone looking at a dashboard ('endpoint shows elevated error rates'), and a user's issue being filed.
  rule('detected', 2, `\\b(?:shows?|showed|showing)\\s+(?:elevated|increased|high|spiking)\\s+(?:error|latency|5\\d\\d)`),
  rule(
    'detected',
    2,
    `\\b(?:bug\\s+report|(?:github|gitlab)\\s+issue)\\s+(?:was\\s+|is\\s+)?(?:opened|filed)\\b|\\/issues\\/\\d+>?\\)?\\s*(?:\\([^)]{0,150}\\)\\s*)?(?:was\\s+|is\\s+)?(?:opened|filed)\\b`,
  ),
  rule('detected', 2, `\\b(?:receives?|received|receiving)\\s+(?:an?\\s+)?(?:\\w+\\s+)?(?:alerts?|pages?|warning|reports?)\\b`),
  rule('detected', 2, `\\b(?:team|we|engineers?|on-?call|admins?|developers?|operators?)\\s+notices?\\b|\\bbecame\\s+aware\\b`),
  rule('detected', 2, `\\b(?:users?|customers?|members?)\\s+(?:emails?|emailed|reached\\s+out|notified|complained)\\b`),
  rule('detected', 1, `\\b(?:detected|alerted|paged|noticed)\\b`),
  rule('acknowledged', 2, `\\bon-?call\\s+(?:\\w+\\s+)?(?:responded|acknowledged|acked|engaged)\\b`),
  rule(
    'acknowledged',
    2,
    `\\b(?:engineer|responder|on-?call)s?\\s+joined\\b|\\bjoin(?:s|ed)?\\s+(?:(?:into|in)\\s+)?(?:the\\s+)?(?:incident|bridge|call|war\\s*room|operations\\s+channel|incident\\s+channel)\\b`,
  ),
  rule('acknowledged', 2, `${INC}\\s+declared\\b|\\bdeclared\\s+(?:an?\\s+)?(?:incident|sev|p\\d)`),
  rule(
    'acknowledged',
    2,
    `\\b(?:started|starts|began|begins|begin)\\s+(?:investigating|looking\\s+into|looking|working\\s+on\\s+(?:it|the\\s+(?:incident|issue)))\\b|\\binvestigation\\s+(?:started|began|begins)\\b`,
  ),
  rule('acknowledged', 1, `\\b(?:acknowledged|ack'?d|acked)\\b`),
  rule(
    'mitigated',
    2,
    `\\brolled\\s+back\\b|\\brollback\\s+(?:completed?|applied|finished|done|deployed|succeeded)\\b|\\b(?:begins?|began|started|starts)\\s+(?:a\\s+|the\\s+)?(?:rollback|roll\\s+back|revert)\\b|\\breverted\\b`,
  ),
  rule('mitigated', 2, `\\bfail(?:ed)?[- ]?over\\b|\\bworkaround\\s+(?:applied|deployed|in\\s+place)\\b`),
  rule('mitigated', 2, `\\btraffic\\s+(?:drained|shifted|rerouted|re-routed)\\b|\\bhotfix\\s+deployed\\b`),
  rule('mitigated', 2, `\\bmitigat(?:ion|ed|es|e)\\b|\\brepaired\\b`),
  rule('restored', 2, `\\b(?:service|services|system|systems|site|api)\\s+(?:(?:fully|partially)\\s+)?(?:restored|recovered|back\\s+online)\\b`),
  rule(
    'restored',
    2,
    `\\b(?:fully\\s+restored|back\\s+(?:to\\s+normal|online|to\\s+working\\s+order)|returned\\s+to\\s+normal|recovery\\s+(?:complete|confirmed)|(?:chain|service|processing)\\s+resumes?d?)\\b`,
  ),
  rule('restored', 2, `\\b(?:errors?|error\\s+rates?|latency)\\s+(?:subsided|subsiding|began\\s+to\\s+subside|recovered|returned\\s+to\\s+(?:normal|baseline))\\b`),
  rule('restored', 1, `\\b(?:restored|recovered)\\b`),
  // The outage ending is service back; the incident ending (exit criteria met) is its resolution.
  rule('restored', 2, `(?<![-\\w])(?:outage|impact|degradation)\\s+(?:ended|ends|over)\\b`),
  rule('resolved', 2, `${INC}\\s+(?:resolved|closed)\\b|(?<![-\\w])(?:incident|issue)\\s+(?:ended|ends|over)\\b|\\ball[- ]clear\\b|\\bclosed\\s+(?:the\\s+)?incident\\b`),
  rule('resolved', 1, `\\bresolved\\b`),
];

// Words that turn a phrase into a non-event: negation or intention before it (same clause); negation or an
// attempt right after it; failure right after a noun ('Failover failed', not 'reported failed payments');
// or a failure ending its clause ('Failover to us-west failed').
const NEG_BEFORE = /\b(?:not|no|never|without|yet\s+to|attempt(?:ed|ing)?(?:\s+to)?|tr(?:y|ied|ying)\s+to|will|to\s+be|plan(?:ned|ning)?\s+to|pending|awaiting|before|until)\s+(?:\w+\s+){0,2}$/i;
const NEG_NEXT = /^\s+(?:attempts?|attempted|planned|proposed|pending|considered|discussed|scheduled|did\s+not|didn't|was\s+not|not)\b/i;
const FAIL_NEXT = /^\s+(?:failed|fails|unsuccessful)\b/i;
const FAIL_CLAUSE_END = /^(?:[ \t]+[\w/-]+){0,3}?[ \t]+(?:failed|fails|unsuccessful|did\s+not\s+work|didn't\s+work)[ \t]*(?:$|[.,;:!)])/i;

function negated(phrase: string, before: string, after: string): boolean {
  return NEG_BEFORE.test(before) || NEG_NEXT.test(after) || FAIL_CLAUSE_END.test(after) || (!/ed$/i.test(phrase) && FAIL_NEXT.test(after));
}

/** Classify a timeline event text. An explicit '[detected]' or '[phase: mitigated]' tag wins; otherwise the
 *  most specific un-negated wording (phrase over lone verb, then longest, then first). Null when none. */
export function classifyPhase(text: string): Phase | null {
  const tag = TAG.exec(text);
  if (tag) {
    const key = Object.keys(TAG_PHASE).find((k) => tag[1]!.toLowerCase().startsWith(k))!;
    return TAG_PHASE[key]!;
  }
  let best: { phase: Phase; tier: number; len: number; index: number } | null = null;
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 40);
      if (negated(m[0], before, after)) continue;
      const c = { phase: r.phase, tier: r.tier, len: m[0].length, index: m.index };
      if (!best || c.tier > best.tier || (c.tier === best.tier && (c.len > best.len || (c.len === best.len && c.index < best.index)))) {
        best = c;
      }
    }
  }
  return best?.phase ?? null;
}
