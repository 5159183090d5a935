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
/** The last thing that still worked ('Last successful staging deploy', 'last known-good build'). */
export const LAST_GOOD = /\blast\s+(?:successful|known[- ]good|good|working)\b/i;
// The end of a word in a language with accented letters (\\b sees 'é' as no letter).
const EOW = '(?![A-Za-zÀ-ÿ])';
const rule = (phase: Phase, tier: number, src: string): Rule => ({ phase, tier, re: new RegExp(src, 'gi') });

const RULES: readonly Rule[] = [
  rule('started', 2, `${INC}\\s+(?:began|begins|started|starts|start)\\b`),
  rule('started', 2, `\\bstart\\s+of\\s+(?:the\\s+)?(?:incident|outage|impact)\\b`),
  rule('started', 2, `\\bfirst\\s+(?:errors?|failures?|5\\d\\ds?|(?:red|failed|failing|broken)\\b)`),
  rule('started', 2, `\\b(?:errors?|failures?)\\s+(?:began|started)\\b(?!\\s+to\\s+(?:subside|drop|decrease|recover|clear))`),
  rule(
    'started',
    2,
    `\\b(?:began|begins|started|starts)\\s+failing\\b|(?<!\\b(?:we|i|they|team)\\s+)\\b(?:stopped|stops)\\s+(?:responding|working|serving|creating|sending|processing|delivering|accepting)\\b|\\bwent\\s+down\\b|\\b(?:is|was)\\s+(?:hard|completely)\\s+down\\b`,
  ),
  // The last thing that still worked dates the break ('Last successful form submission recorded'), when
  // nothing later says it began (metrics prefers that).
  rule('started', 2, LAST_GOOD.source),
  // A chain or service stopping ('Chain halts at block 3078794', 'block production halted').
  rule('started', 2, `\\b(?:chain|network|service|site|api|cluster|block\\s+production|production)\\s+(?:halts|halted|goes\\s+down)\\b`),
  rule('detected', 2, `\\b(?:alerts?|alarms?|monitors?)\\s+(?:fired|firing|triggered|went\\s+off|raised)\\b`),
  rule('detected', 2, `\\b(?:pagerduty|opsgenie)\\s+(?:alert|page)\\b|\\bpager\\s+storm\\b`),
  // Someone telling of the symptom ('an engineer reported experiencing intermittent 404s').
  rule('detected', 2, `\\breport(?:s|ed)\\s+(?:experiencing|seeing|getting|intermittent|elevated|errors?|failures?|outages?|[45]\\d\\ds?)\\b`),
  // The tool as the subject ('PagerDuty fires an alert and calls the on-call engineer').
  rule('detected', 2, `\\b(?:fires|fired|sends|sent|triggers|triggered|raises|raised)\\s+(?:an?\\s+)?(?:[\\w-]+\\s+)?(?:alerts?|alarms?|pages?)\\b`),
  rule(
    'detected',
    2,
    `\\bpage\\s+sent\\b|\\b(?:customers?|users?|students?|clients?|players?|members?)\\s+(?:reports?|reported|complaints?)\\b|\\breported\\s+by\\b|\\bincoming\\s+reports?\\b|\\b(?:is|was|were)\\s+reported\\b|\\bautomated\\s+(?:warning|alert)\\b`,
  ),
  rule('detected', 2, `${INC}\\s+detected\\b|\\bfirst\\s+(?:detected|noticed|reported|observed|reports?\\s+of)\\b`),
  // Someone looking at a dashboard ('endpoint shows elevated error rates'), and a user's issue being filed.
  rule('detected', 2, `\\b(?:shows?|showed|showing)\\s+(?:elevated|increased|high|spiking)\\s+(?:error|latency|5\\d\\d)`),
  rule(
    'detected',
    2,
    `\\b(?:bug\\s+report|(?:github|gitlab)\\s+issue)\\s+(?:was\\s+|is\\s+)?(?:opened|filed)\\b|\\/issues\\/\\d+>?\\)?\\s*(?:\\([^)]{0,150}\\)\\s*)?(?:was\\s+|is\\s+)?(?:opened|filed)\\b`,
  ),
  rule('detected', 2, `\\b(?:receives?|received|receiving)\\s+(?:an?\\s+|the\\s+)?(?:\\w+\\s+){0,2}?(?:alerts?|pages?|warning|reports?|e-?mails?|messages?|tickets?|complaints?)\\b`),
  // 'first recorded instance of a user seeing …': the first sign anyone saw.
  rule('detected', 2, `\\bfirst\\s+(?:\\w+\\s+)?(?:instance|sign|report)s?\\s+of\\b`),
  rule('detected', 2, `\\bfirst\\s+(?:[\\w-]+\\s+)?(?:signal|symptom|indication)s?\\b`),
  // Someone finding the failure ('discovers actions are not running'); finding its cause is diagnosis, not notice.
  rule(
    'detected',
    1,
    `\\b(?<!(?:been|was|were|is|are|be)\\s+)(?:discover(?:s|ed)|realiz(?:es|ed)|realis(?:es|ed)|spott(?:ed)|spots)\\b(?!\\s+(?:that\\s+)?(?:the\\s+)?(?:root\\s+)?(?:cause|reason|source|fix|solution|how|why|what))`,
  ),
  rule('detected', 2, `\\bissue\\b[^。\\n]{0,80}?(?:投稿|起票)`),
  // Japanese, Chinese and Korean: a notice ('検知', '发现', '감지'), a first fix, a recovery.
  rule('detected', 2, `検知|発覚|发现(?:问题|故障|异常)|检测到|首次告警|收到告警|감지|발견`),
  // French, Spanish, Portuguese, German, Italian, Dutch ('Détection :', '**Confinement**', 'l'incident est neutralisé').
  rule('started', 2, `\\b(?:début|inicio|início|beginn)\\s+(?:de|du|des|d['’]|do|da|der|des)${EOW}`),
  rule('detected', 2, `\\b(?:saturation|panne|erreurs?|incident|falla|fallo|ausfall|störung|guasto)\\s+(?:\\S+\\s+)?(?:signalée?s?|reportad[oa]s?|gemeldet|segnalat[oa])${EOW}`),
  rule('detected', 1, `\\b(?:détection|détecté|detección|detectado|detecção|detetado|erkannt|entdeckt|rilevato|gedetecteerd|ontdekt)${EOW}`),
  rule('mitigated', 1, `\\b(?:confinement|atténuation|atténué|contención|contenção|mitigación|mitigado|mitigação|eingedämmt|eindämmung|mitigato|mitigatie)${EOW}`),
  rule('restored', 1, `\\b(?:rétabli|restauré|restablecido|restaurado|restabelecido|normalizado|wiederhergestellt|ripristinato|hersteld)${EOW}|\\bretour\\s+à\\s+la\\s+normale${EOW}`),
  rule('resolved', 1, `\\b(?:résolu|clôturé|neutralisé|resuelto|resolvido|behoben|risolto|opgelost)${EOW}`),
  rule('detected', 2, `\\b(?:team|we|engineers?|on-?call|admins?|developers?|operators?)\\s+notices?\\b|\\bbecame\\s+aware\\b`),
  // Being told of it ('notified that block generation was halted').
  // Told is us, or a code-span name ('notified `conda-forge` of the leaked token').
  rule('detected', 1, `(?<!\\b(?:we|team|they|and)\\s+)\\bnotified\\s+(?:us\\s+|_+\\s+)?(?:that|of|about)\\b`),
  // Someone noticing the failure itself ('First validator notices the issue and escalates').
  rule('detected', 2, `\\b(?:notices?|noticed|detects?)\\s+(?:the\\s+|an?\\s+)?(?:[\\w-]+\\s+)?(?:issue|problem|outage|incident|halt|errors?|failures?|degradation)\\b`),
  rule('detected', 2, `\\b(?:notices?|noticed|sees|saw)\\s+(?:the\\s+)?(?:[\\w#-]+\\s+){0,2}?(?:reports?|messages?|alerts?|complaints?)\\b`),
  rule('detected', 2, `\\b(?:users?|customers?|members?)\\s+(?:@[\\w-]+\\s+)?(?:emails?|emailed|reached\\s+out|notified|complained)\\b`),
  // Someone telling others of it ('posted a message reporting the outage').
  rule('detected', 2, `\\breport(?:s|ed|ing)\\s+(?:the\\s+|an?\\s+)?(?:outage|incident|issue|problem|errors?|failures?)\\b`),
  // A tool noticing a new release is no notice of the incident.
  rule('detected', 1, `\\b(?:detected|alerted|paged|noticed)\\b(?!\\s+(?:that\\s+)?(?:an?\\s+)?new\\s+(?:version|release|update))`),
  rule('acknowledged', 2, `\\bon-?call\\s+(?:\\w+\\s+)?(?:responded|acknowledged|acked|engaged)\\b`),
  rule(
    'acknowledged',
    2,
    `\\b(?:engineer|responder|on-?call)s?\\s+joined\\b|\\bjoin(?:s|ed)?\\s+(?:(?:into|in)\\s+)?(?:the\\s+)?(?:incident|bridge|call|war\\s*room|operations\\s+channel|incident\\s+channel)\\b`,
  ),
  rule(
    'acknowledged',
    2,
    `${INC}\\s+(?:(?:was|is|has\\s+been)\\s+)?declared\\b|\\bdeclared\\s+(?:an?\\s+|the\\s+)?(?:incident|sev|p\\d)(?![\\w-]*\\s+(?:(?:as|to\\s+be)\\s+)?(?:resolved|over|closed|mitigated|ended))`,
  ),
  rule(
    'acknowledged',
    2,
    `\\b(?:started|starts|began|begins|begin)\\s+(?:trying\\s+to\\s+)?(?:investigating|looking\\s+into|looking|working\\s+on|digging|debugging|diagnosing|troubleshooting|figur(?:e|ing)\\s+out)\\b|\\binvestigation\\s+(?:started|began|begins)\\b|\\b(?:starts|started|begins|began|opens|opened)\\s+(?:an?\\s+|the\\s+)?investigation\\b`,
  ),
  // The on-call picking it up ('On-call PyPI Admin sees the message and escalates').
  rule('acknowledged', 2, `\\bon-?call\\s+(?:[\\w-]+\\s+){0,2}?(?:sees|saw|notices|noticed|picks\\s+up|picked\\s+up|responds|engages)\\b`),
  rule('acknowledged', 2, `\\b(?:huddle|bridge|war\\s*room|incident\\s+call)\\s+(?:(?:was|is)\\s+)?(?:begins|began|started|starts|opened|convened)\\b`),
  rule('acknowledged', 2, `対応を?開始|調査開始|开始(?:调查|排查)|조사 시작`),
  rule('mitigated', 2, `一次復旧|暫定(?:対応|復旧)|临时(?:修复|恢复)|임시 조치`),
  rule('restored', 2, `(?<!一次|暫定)復旧(?:完了|しました|済み?)|完全復旧|正常化|恢复正常|已恢复|복구 완료|정상화`),
  // The team engaging someone else (a vendor, another team) is already responding.
  rule('acknowledged', 2, `\\b(?:team|we|engineers?|on-?call|responders?)\\s+(?:reach(?:es|ed)?|reaching)\\s+out\\s+to\\b`),
  rule('acknowledged', 1, `\\b(?:were|was)\\s+(?:searched|scanned|inspected|investigated|examined)\\b`),
  rule('acknowledged', 1, `\\b(?:acknowledged|acknowledges|ack'?d|acked)\\b`),
  // Fixes tried that did not help ('regular fixes (…restarting servers…) don't seem to fix things'): a response.
  rule('acknowledged', 1, `\\b(?:fix(?:es)?|attempts?|workarounds?)\\b[^.;\\n]{0,80}?\\b(?:do|does|did)\\s*n[o']?t\\s+(?:seem\\s+to\\s+)?(?:help|fix|work)`),
  rule(
    'mitigated',
    2,
    `\\brolled\\s+back\\b|\\brollback\\s+(?:completed?|applied|finished|done|deployed|succeeded)\\b|\\b(?:begins?|began|started|starts)\\s+(?:a\\s+|the\\s+)?(?:rollback|roll\\s+back|revert)\\b|\\breverted\\b`,
  ),
  // Present tense, as many timelines are written ('Engineers revert the change', 'rolls back the deploy').
  rule('mitigated', 1, `\\b(?:reverts?|rolls?\\s+back)\\b`),
  rule('mitigated', 2, `\\bfail(?:ed)?[- ]?over\\b|\\bworkaround\\s+(?:applied|deployed|in\\s+place)\\b`),
  rule('mitigated', 2, `\\btraffic\\s+(?:drained|shifted|rerouted|re-routed)\\b|\\bhotfix\\s+deployed\\b`),
  rule('mitigated', 2, `\\bmitigat(?:ion|ed|es|e)\\b|\\brepaired\\b`),
  // Acting on the running system: capacity, restarts, redeploys, switching the broken part off.
  rule(
    'mitigated',
    1,
    `\\b(?:scal(?:es|ed|ing)\\s+(?:\\w+\\s+)?(?:up|down|out)|resiz(?:es|ed)|recycl(?:es|ed|ing)|restart(?:s|ed)|reboot(?:s|ed)|re-?deploy(?:s|ed)|(?:increas|add|doubl)(?:es|ed|s)\\s+(?:\\w+\\s+){0,3}?capacity|doubled\\s+(?:the\\s+)?number|takes?\\s+down|took\\s+down|disabl(?:es|ed))\\b`,
  ),
  // Sending users elsewhere ('changed the DNS record to an old backup', 'switched traffic to the standby').
  rule(
    'mitigated',
    1,
    `\\b(?:switch(?:es|ed)|chang(?:es|ed)|point(?:s|ed)|redirect(?:s|ed)|rout(?:es|ed))\\b(?:[^.;\\n]|\\.(?=\\S)){0,60}?\\bto\\s+(?:an?\\s+|the\\s+)?(?:old|backup|standby|secondary|previous|static|maintenance|fallback)\\b`,
  ),
  rule('mitigated', 1, `\\b(?:free(?:s|d)?|freeing)\\s+up\\b|\\b(?:removed|deleted|cleared|cleaned\\s+up)\\b[^.;\\n]{0,40}\\b(?:disk|space|storage|capacity|memory)\\b`),
  rule('restored', 2, `\\b(?:service|services|system|systems|site|api|production)\\s+(?:fully\\s+)?(?:restored|recovered|recovers|back\\s+online)\\b`),
  // Part of the service back is impact reduced, not ended ('Function execution is partially restored').
  rule('mitigated', 2, `\\bpartially\\s+(?:restored|recovered|back\\s+online)\\b|\\bpartial\\s+(?:recovery|restoration)\\b`),
  rule(
    'restored',
    2,
    `\\b(?:fully\\s+restored|back\\s+(?:to\\s+normal|online|to\\s+working\\s+order)|return(?:s|ed)?\\s+to\\s+normal|recovery\\s+(?:completed?|confirmed)|(?:chain|service|processing)\\s+resumes?d?)\\b`,
  ),
  rule('restored', 2, `\\b(?:errors?|error\\s+rates?|latency)\\s+(?:subsided|subsiding|began\\s+to\\s+subside|recovered|returned\\s+to\\s+(?:normal|baseline))\\b`),
  // 'recovery of Kroma mainnet (RPC, P2P, validator) completed'.
  rule('restored', 2, `\\brecovery\\s+of\\b[^.;\\n]{0,60}?\\b(?:completed?|finished|done)\\b`),
  rule('restored', 1, `\\b(?:restored|recovered)\\b`),
  rule('restored', 2, `\\b(?:issue|problem|errors?|symptoms?)\\s+(?:goes|went|has\\s+gone|is\\s+gone)\\s+away\\b|\\b(?:issue|problem|errors?)\\s+disappear(?:s|ed)\\b`),
  rule('restored', 2, `\\b(?:verified|confirmed)\\s+(?:as\\s+)?(?:operational|healthy)\\b|\\ball\\s+systems\\s+(?:\\w+\\s+)?operational\\b`),
  // A leaked credential made useless ends the exposure.
  rule('restored', 2, `\\b(?:token|key|credential|secret|password)s?\\b[^.;\\n]{0,60}?\\b(?:destroyed|revoked|invalidated)\\b`),
  // The outage ending is service back; the incident ending (exit criteria met) is its resolution.
  rule('restored', 2, `(?<![-\\w])(?:outage|impact|degradation)\\s+(?:ended|ends|over)\\b|\\bend\\s+of\\s+(?:the\\s+)?(?:outage|impact|downtime|degradation)\\b`),
  rule('resolved', 2, `\\bno\\s+further\\s+action\\s+(?:was\\s+|is\\s+)?(?:required|needed|necessary)\\b|\\bresolution\\s+(?:is\\s+|was\\s+)?(?:confirmed|complete)`),
  rule(
    'resolved',
    2,
    `${INC}\\s+(?:is\\s+|was\\s+|has\\s+been\\s+)?(?:resolved|closed)\\b|(?<![-\\w])(?:incident|issue)\\s+(?:ended|ends|(?:is|was)\\s+over)\\b|\\ball[- ]clear\\b|\\bclosed\\s+(?:the\\s+)?incident\\b`,
  ),
  rule('resolved', 1, `\\bresolved\\b`),
];

// Words that turn a phrase into a non-event: negation or intention before it (same clause); negation or an
// attempt right after it; failure right after a noun ('Failover failed', not 'reported failed payments');
// or a failure ending its clause ('Failover to us-west failed').
const NEG_BEFORE =
  /\b(?:not|no|never|without|yet\s+to|potential|possible|proposed|candidate|attempt(?:ed|ing)?(?:\s+to)?|tr(?:y|ied|ying)\s+to|will|would|should|might|expected\s+to|(?<!\b(?:confirmed|verified|found|declared|reported)\s)to\s+be|plan(?:ned|ning)?\s+to|pending|awaiting|before|until)\s+(?:\w+\s+){0,2}$/i;
// A condition or purpose is not the event ('scaled to zero to prevent a thundering herd when the gateways are brought back online').
const CONDITION_BEFORE = /\b(?:when|once|if|in\s+case|so\s+that)\s+(?:[\w-]+\s+){0,5}$/i;
// A hedge describes a state someone inferred, not an event ('it appears to have recovered').
const HEDGE_BEFORE = /\b(?:appears?|appeared|seems?|seemed)\s+to\s+(?:have\s+)?(?:been\s+|be\s+)?$/i;
// An infinitive is a purpose or a plan ('approach is to re-deploy'); 'set to resolved' is a state.
const TO_BEFORE = /\bto\s+(?:\w+\s+){0,2}$/i;
// A decision or a plan is not the action ('decide to increase instance count … being restarted').
const DECISION = /\b(?:decid(?:e|es|ed)|plan(?:s|ned)?|propos(?:e|es|ed)|suggest(?:s|ed)?|agree(?:s|d)?)\s+(?:to|that)\b[^.;\n]*$/i;
// An action the sentence says did not help ('restarting servers, etc) don't seem to fix things').
// The next sentence may say so ('The image is reverted. This does not improve the situation.', 'pod restarted. No effect.').
const NO_EFFECT =
  /^[^.;\n]*?\b(?:(?:did|do|does)\s*n[o']?t|don'?t|doesn'?t)\s+(?:seem\s+to\s+)?(?:help|fix|work|resolve|solve|improve)|^[^.;\n]*?\b(?:no\s+effect|to\s+no\s+avail|without\s+(?:success|effect))\b|^[^.;\n]*[.;]\s+(?:(?:this|that|it)\s+(?:(?:did|do|does)\s*n[o']?t|doesn'?t)\s+(?:seem\s+to\s+)?(?:help|fix|work|resolve|solve|improve)|no\s+(?:effect|improvement|change)\b)/i;
// A recovery the sentence itself takes back ('Node has restored …, but volumes will not mount', 'back
// online again with a broken installation').
const PARTIAL = /^[^.;\n]*?,?\s+but\b[^.;\n]*?\b(?:not|n't|still|only)\b|^\s+(?:again\s+)?with\s+(?:an?\s+)?(?:broken|degraded|reduced|limited|partial)\b/i;
// A component restarting on its own ('chp restarts', 'the pod reboots again') is the failure, not a fix.
const SELF_RESTART = /^(?:restarts|reboots)$/i;
// Counted, a restart is a noun ('accumulate 234 restarts').
const COUNTED = /\b\d[\d,]*\s+$/;
// A mitigation named as where something came from is an earlier one ('the stale attachment from the failover drains').
const REFERENCE_BEFORE = /\b(?:from|since|during)\s+(?:the|a|that|this)\s+$/i;
const NO_OBJECT = /^\s*(?:$|[.,;:!)(]|(?:again|itself|repeatedly|automatically|on\s+its\s+own|in\s+a\s+loop)\b)/i;
const NEG_NEXT = /^\s+(?:attempts?|attempted|planned|proposed|pending|considered|discussed|scheduled|did\s+not|didn't|was\s+not|not|(?:should|would|could|might)\s+have)\b/i;
const FAIL_NEXT = /^\s+(?:failed|fails|unsuccessful)\b/i;
const FAIL_CLAUSE_END = /^(?:[ \t]+[\w/-]+){0,3}?[ \t]+(?:failed|fails|unsuccessful|did\s+not\s+work|didn't\s+work)[ \t]*(?:$|[.,;:!)])/i;

// Negation in those languages ('n'est pas encore rétabli', 'noch nicht behoben', 'não resolvido').
const NEG_OTHER = /(?:^|[\s'’])(?:pas|non|nicht|kein(?:e|en)?|nie|niet|não|nao)\s+(?:\S+\s+){0,2}$/i;

// Another party's outage ending ('Azure’s network outage was fully resolved') is not this incident's end.
const OTHERS_BEFORE = /\b[A-Z][\w.-]*['’]s\s+(?:[\w-]+\s+){0,3}?(?:(?:was|is|has\s+been|were|are)\s+)?(?:fully\s+|now\s+)?$/;

function negated(phase: Phase, phrase: string, before: string, after: string, head: string): boolean {
  if (
    NEG_BEFORE.test(before) ||
    NEG_OTHER.test(before) ||
    HEDGE_BEFORE.test(before) ||
    CONDITION_BEFORE.test(before) ||
    NEG_NEXT.test(after) ||
    FAIL_CLAUSE_END.test(after) ||
    (!/ed$/i.test(phrase) && FAIL_NEXT.test(after))
  )
    return true;
  if (!/e?d$/i.test(phrase) && TO_BEFORE.test(before)) return true;
  if (phase === 'mitigated' && (NO_EFFECT.test(after) || REFERENCE_BEFORE.test(before) || DECISION.test(head) || (SELF_RESTART.test(phrase) && (NO_OBJECT.test(after) || COUNTED.test(before)))))
    return true;
  // A name resolving ('an endpoint dynamically resolved to 2 IP addresses') is DNS, not the end.
  if (phase === 'resolved' && (/^\s+(?:to|into|from)\b/i.test(after) || /\b(?:address(?:es)?|IPs?|hostnames?|records?|domains?)\s+$/i.test(before))) return true;
  return (phase === 'restored' || phase === 'resolved') && (OTHERS_BEFORE.test(before) || PARTIAL.test(after));
}

const CODE_SPAN = /`[^`\n]*`/g;

// Link syntax around words ('[issue is closed](…)', '[recorded instance][ref]', '[hook]') is read as its text.
const LINK = /\[([^\]\n]*)\](?:\([^)\n]*\)|\[[^\]\n]*\])?/g;

/** Classify a timeline event text. An explicit '[detected]' or '[phase: mitigated]' tag wins; otherwise the
 *  most specific un-negated wording (phrase over lone verb, then longest, then first). Null when none. */
export function classifyPhase(text: string): Phase | null {
  return classifyPhases(text)[0] ?? null;
}

/** Every phase the text states, the one classifyPhase picks first ('A user reported it and the developer
 *  acknowledged the incident' is a notice and a response at once). A tag states one phase only. */
export function classifyPhases(raw: string): Phase[] {
  const tag = TAG.exec(raw);
  if (tag) {
    const key = Object.keys(TAG_PHASE).find((k) => tag[1]!.toLowerCase().startsWith(k))!;
    return [TAG_PHASE[key]!];
  }
  // A code span is what a system printed ('`EXT4-fs error: Detected aborted journal`'), not what happened;
  // it is still a name, an object ('Operator restarts `pve-dell`'), so it stays a word.
  const unlinked = raw.includes('[') ? raw.replace(LINK, '$1') : raw;
  const text = unlinked.includes('`') ? unlinked.replace(CODE_SPAN, (m) => '_'.repeat(m.length)) : unlinked;
  const best = new Map<Phase, { tier: number; len: number; index: number }>();
  for (const r of RULES) {
    r.re.lastIndex = 0;
    for (let m = r.re.exec(text); m; m = r.re.exec(text)) {
      const before = text.slice(Math.max(0, m.index - 40), m.index);
      const after = text.slice(m.index + m[0].length, m.index + m[0].length + 120);
      if (negated(r.phase, m[0], before, after, text.slice(Math.max(0, m.index - 200), m.index))) continue;
      const c = { tier: r.tier, len: m[0].length, index: m.index };
      const b = best.get(r.phase);
      if (!b || better(c, b)) best.set(r.phase, c);
    }
  }
  return [...best.entries()].sort((x, y) => (better(x[1], y[1]) ? -1 : better(y[1], x[1]) ? 1 : 0)).map(([p]) => p);
}

type Match = { tier: number; len: number; index: number };
const better = (c: Match, b: Match): boolean => c.tier > b.tier || (c.tier === b.tier && (c.len > b.len || (c.len === b.len && c.index < b.index)));
