// The roles a post-mortem's sections play, read from headings and bold lead-ins in the many
// wordings real documents use. Recognition (detect.ts) counts them; no template is involved.
import { keptTextMemo } from '../parse/memo';

export type SectionRole = 'summary' | 'impact' | 'timeline' | 'rootCause' | 'detection' | 'response' | 'resolution' | 'actionItems' | 'lessons';

/**
 * Each role with how much it says "post-mortem" (2: rarely a heading elsewhere; 1: common in other
 * documents too, e.g. "Summary", "Response" in API docs, "Resolution" in module docs) and the
 * whole-heading wordings (after normalising, see below). Whole headings only: "Module resolution"
 * or "Impact of the new API" are not sections of a post-mortem.
 */
const ROLES: readonly { role: SectionRole; weight: number; re: RegExp }[] = [
  { role: 'summary', weight: 1, re: /^(?:(?:incident|issue|executive) )?summary$|^the (?:issue|problem|incident)$|^what happened$|^incident (?:overview|description|details)$|^障害の内容$/ },
  {
    role: 'impact',
    weight: 2,
    re: /^(?:(?:customer|user|business|technical|incident) )?impact(?: (?:assessment|analysis|summary))?$|^what was (?:impacted|affected)$|^who was affected$|^(?:the )?effects?$|^影響(?:範囲)?$/,
  },
  {
    role: 'timeline',
    weight: 2,
    re: /^(?:(?:incident|detailed|response|outage) )?timeline(?: of (?:events|the incident|the outage))?$|^(?:chronology|sequence of events|key events)$|タイムライン|^経緯$|^時系列$/,
  },
  {
    role: 'rootCause',
    weight: 2,
    re: /^(?:blameless )?root causes?(?: (?:analysis|identification|of the (?:outage|incident|issue)))?\b|^(?:contributing factors|causes?|why did it happen|how did this happen|five whys?|5 whys?|leadup|lead up|lead-up|precursors?|trigger|fault)$|^(?:根本)?原因$/,
  },
  { role: 'detection', weight: 2, re: /^(?:detection|how (?:was|were) (?:it|we) detected|how did we (?:diagnose|detect|notice) it|diagnosis)$/ },
  { role: 'response', weight: 1, re: /^(?:incident )?response$|^detection and response$|^(?:the )?investigation$/ },
  { role: 'resolution', weight: 1, re: /^(?:resolutions?|recovery|mitigation|the fix|how it was fixed|repair)$|^resolution and recovery$|^recovery and resolution$|^復旧/ },
  {
    role: 'actionItems',
    weight: 2,
    re: /^(?:action items?|follow[- ]?ups?|follow[- ]?up (?:actions|items|tasks)|corrective (?:and preventa?t?ive )?(?:measures|actions)|prevent(?:at)?ive (?:measures|actions)|prevention measures|future actions|review actions|what we'?re doing about it|remediation(?: items)?|再発防止.*|今後の対応|対策)$/,
  },
  {
    role: 'lessons',
    weight: 2,
    re: /^(?:lessons(?: learned| learnt)?|what went (?:well|wrong|poorly|badly)|what (?:didn'?t|did not) go (?:so )?well|where we got lucky|what could be improved|takeaways|learnings)$/,
  },
  // The same sections in other languages (German, French, Spanish, Portuguese, Italian, Dutch, Russian,
  // Chinese, Korean): whole headings, as above.
  {
    role: 'summary',
    weight: 1,
    re: /^(?:zusammenfassung|résumé(?: exécutif)?|resume|resumen(?: ejecutivo)?|resumo|riepilogo|sommario|samenvatting|сводка|резюме|краткое описание|кратко|краткое содержание|podsumowanie|概要|摘要|事件概述|요약|개요)$/u,
  },
  { role: 'impact', weight: 2, re: /^(?:auswirkungen?|impact(?: utilisateur)?|impacto|impatto|gevolgen|влияние|последствия|影响(?:范围)?|영향(?: 범위)?)$/u },
  {
    role: 'timeline',
    weight: 2,
    re: /^(?:zeitleiste|zeitlicher ablauf|ablauf|chronologie(?: de l'incident| des événements)?|cronología|cronologia|línea de tiempo|linha do tempo(?: reconstruída)?|tijdlijn|хронология(?: событий| инцидента)?|oś czasu|przebieg incydentu|时间线|时间轴|事件经过|경과|타임라인|타임 라인)$/u,
  },
  {
    role: 'rootCause',
    weight: 2,
    re: /^(?:(?:grundursache|ursache|ursachen)(?:analyse)?|causes? (?:racines?|identifiées|profondes?)|cause racine|causa(?:s)? raíz|causa(?:s)? raiz|causa principale|oorzaak|корневая причина|причин[аы]|przyczyna(?: źródłowa)?|根本原因|根因|原因分析|근본 원인|원인(?: 분석)?)$/u,
  },
  {
    role: 'actionItems',
    weight: 2,
    re: /^(?:maßnahmen|massnahmen|folgemaßnahmen|actions(?: correctives| de prévention| à mener)?|mesures correctives|acciones(?: correctivas)?|ações(?: corretivas)?|azioni correttive|actiepunten|меры|план действий|后续行动|改进措施|行动项|재발 방지(?: 대책)?|후속 조치)$/u,
  },
  {
    role: 'lessons',
    weight: 2,
    re: /^(?:lessons learned|erkenntnisse|gelernte lektionen|leçons apprises|enseignements|lecciones aprendidas|lições aprendidas|lezioni apprese|geleerde lessen|извлеч[её]нные уроки|уроки|wnioski|经验教训|教训|교훈|배운 점)$/u,
  },
];

const EMOJI = /[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u200d\ufe0f]/gu;

/** Heading text in a comparable form: no marks, emoji (also `:shortcode:`), numbering, zone notes. */
const normalised = keptTextMemo((text) =>
  text
    .replace(EMOJI, '')
    .replace(/:[a-z0-9_+-]+:/gi, '')
    .toLowerCase()
    .replace(/[*_`]+/g, '')
    .replace(/\s*\([^()]*\)\s*$/, '')
    .replace(/^\s*(?:\d+(?:\.\d+)*[.)]?|[a-z][.)])\s+/, '')
    .replace(/&/g, 'and')
    .replace(/[’‘]/g, "'")
    .replace(/[?:.!]+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim(),
);

/** The role a heading or bold lead-in stands for, with its weight; null for any other text. */
export function roleOf(text: string): { role: SectionRole; weight: number } | null {
  const t = normalised.get(text);
  if (!t || t.length > 60) return null;
  for (const r of ROLES) if (r.re.test(t)) return { role: r.role, weight: r.weight };
  return null;
}

/** A "Leadup" heading (also with emoji or a `:shortcode:`): the events that led to the incident. */
export const isLeadupTitle = (text: string): boolean => /^lead[- ]?up$/.test(normalised.get(text) ?? '');
