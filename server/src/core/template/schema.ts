// Templates and the workspace config are data; these zod schemas are their single source of
// truth (the JSON Schema in schemas/ is generated from them).
import { z } from 'zod';
import { METRIC_KINDS, PHASES } from '../model/types';

export const FIELD_TYPES = ['text', 'date', 'date-time', 'time-range', 'duration', 'severity', 'percent', 'money', 'people', 'enum', 'number', 'yes-no', 'id'] as const;

/** What a field can state about the incident's bounds (see FieldSpec.states). */
export const FIELD_INSTANTS = ['start', 'end', 'span'] as const;

export const FieldSpec = z
  .object({
    key: z.string().min(1).describe('Field key as written between ** and :**'),
    aliases: z.array(z.string()).default([]).describe('Other keys accepted for this field'),
    type: z.enum(FIELD_TYPES).default('text'),
    required: z.boolean().default(false),
    values: z.array(z.string()).optional().describe('Allowed values for an enum field'),
    metric: z.enum(METRIC_KINDS).optional().describe('The metric this field states, when it states one'),
    states: z.enum(FIELD_INSTANTS).optional().describe('The field states the incident start, its end, or both (a time range such as "11:32 PM to 1:05 AM")'),
    description: z.string().optional(),
  })
  .strict();

export const SECTION_ROLES = ['title', 'summary', 'timeline', 'actionItems', 'rootCause', 'impact', 'lessons', 'metrics', 'other'] as const;

export const SectionSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case words joined by dashes'),
    title: z.string().min(1),
    aliases: z.array(z.string()).default([]),
    level: z.number().int().min(1).max(6).default(2),
    required: z.boolean().default(true),
    role: z.enum(SECTION_ROLES).default('other'),
    description: z.string().optional().describe('What the template expects here (shown on hover)'),
    skeleton: z.string().optional().describe('Body inserted by the missing-section quick fix'),
    fields: z.array(FieldSpec).default([]),
    /** Sub-section ids nest by level; order is the array order. */
  })
  .strict();

export const TimelineSpec = z
  .object({
    shape: z.enum(['list', 'table', 'blocks']),
    columns: z.array(z.string()).default([]).describe('Table header cells, for table timelines'),
    timeFormat: z.string().describe('Luxon format of a time as the template writes it, e.g. HH:mm or h:mm a'),
    zone: z.string().optional().describe('IANA zone the template states, e.g. America/Los_Angeles'),
    blocks: z
      .array(
        z
          .object({
            section: z.string().describe('Id of the sub-section that is one block, e.g. detection'),
            phase: z.enum(PHASES).describe('The phase the block marks'),
            field: z.string().default('Time').describe('Field holding the block time'),
          })
          .strict(),
      )
      .optional()
      .describe('For blocks timelines: which sub-section marks which phase, and the field holding its time'),
  })
  .strict();

export const ActionItemsSpec = z
  .object({
    shapes: z.array(z.enum(['table', 'checkbox'])).min(1),
    columns: z.array(z.string()).default([]),
    statuses: z.array(z.string()).default([]),
    doneStatuses: z.array(z.string()).default(['Done', 'Closed', 'Complete', 'Completed', 'Resolved']),
  })
  .strict();

/** Which common definition a template uses for each metric (the first value is the default). */
export const MetricDefinitions = z
  .object({
    duration: z.enum(['to-end', 'to-mitigation']).optional().describe('to-end: end − start; to-mitigation: first mitigation − start'),
    timeToAcknowledge: z.enum(['from-detection', 'from-start']).optional().describe('from-detection: acknowledged − detected; from-start: acknowledged − start (time to respond)'),
    timeToMitigate: z.enum(['from-start', 'from-detection']).optional().describe('from-start: mitigated − start; from-detection: mitigated − detected'),
    timeToResolve: z
      .enum(['from-start', 'from-detection', 'to-restoration'])
      .optional()
      .describe('from-start: resolved − start; from-detection: resolved − detected; to-restoration: service restored (fixed) − start'),
  })
  .strict();
export type MetricDefinitions = z.infer<typeof MetricDefinitions>;

export const TemplateSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: z.string().min(1),
    description: z.string().default(''),
    titlePattern: z.string().describe('Regular expression the level-1 title matches'),
    severity: z.object({ field: z.string().default('Severity'), values: z.array(z.string()).min(1) }).strict(),
    sections: z.array(SectionSpec).min(1),
    timeline: TimelineSpec,
    actionItems: ActionItemsSpec,
    placeholders: z.array(z.string()).default([]).describe('Extra regular expressions for unfilled placeholders'),
    metrics: MetricDefinitions.optional().describe(
      'The definition the template uses for each metric; a stated value is then checked against that one only (without it, a value matching another common definition is information, not an error)',
    ),
    numberedSections: z.boolean().optional().describe('Level-2 headings are numbered "1. ", "2. " in document order (titles here are written without the number)'),
  })
  .strict()
  .superRefine((t, ctx) => {
    const seen = new Set<string>();
    t.sections.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sections', i, 'id'], message: `duplicate section id '${s.id}'` });
      seen.add(s.id);
    });
    // Section order must be possible to write: a section nests at most one level below the one
    // before it, and two sections under one parent cannot claim the same heading.
    const names = new Map<string, number>();
    t.sections.forEach((s, i) => {
      const prev = t.sections
        .slice(0, i)
        .reverse()
        .find((p) => p.role !== 'title');
      // A document always has its title (level 1) above the first section.
      const parentLevel = prev ? prev.level : 1;
      if (s.role !== 'title' && s.level > parentLevel + 1)
        ctx.addIssue({ code: 'custom', path: ['sections', i, 'level'], message: `level ${s.level} cannot follow level ${parentLevel}: no section can be its parent` });
      const parent =
        t.sections
          .slice(0, i)
          .map((p, j) => [p, j] as const)
          .reverse()
          .find(([p]) => p.level < s.level)?.[1] ?? -1;
      for (const n of [s.title, ...s.aliases]) {
        const key = `${parent}:${s.level}:${n
          .toLowerCase()
          .replace(/^\s*\d+(\.\d+)*\.?\s+/, '')
          .trim()}`;
        const other = names.get(key);
        if (other !== undefined && other !== i)
          ctx.addIssue({ code: 'custom', path: ['sections', i, 'title'], message: `'${n}' is also the title or an alias of sections[${other}]: headings would be ambiguous` });
        names.set(key, i);
      }
    });
    t.timeline.blocks?.forEach((b, i) => {
      if (!seen.has(b.section)) ctx.addIssue({ code: 'custom', path: ['timeline', 'blocks', i, 'section'], message: `no section has id '${b.section}'` });
    });
    for (const [i, p] of [[-1, t.titlePattern] as const, ...t.placeholders.map((p, i) => [i, p] as const)]) {
      try {
        new RegExp(p);
      } catch (e) {
        ctx.addIssue({ code: 'custom', path: i < 0 ? ['titlePattern'] : ['placeholders', i], message: `invalid regular expression: ${(e as Error).message}` });
      }
    }
  });

export type FieldSpec = z.infer<typeof FieldSpec>;
export type SectionSpec = z.infer<typeof SectionSpec>;
export type TemplateSpec = z.infer<typeof TemplateSpec>;

export const RULE_SEVERITIES = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const ConfigSpec = z
  .object({
    enable: z.boolean().default(true).describe('Lint and assist post-mortem documents'),
    files: z.array(z.string()).default([]).describe('Globs of files that are always post-mortems'),
    defaultTemplate: z.string().optional().describe('Template id for post-mortems that do not say which'),
    timeZone: z.string().optional().describe('Zone for timeline times that state none (IANA name or abbreviation)'),
    rules: z.record(z.string(), z.enum(RULE_SEVERITIES)).default({}).describe('Severity per rule code, or off'),
    templates: z.array(TemplateSpec).default([]).describe('Custom templates, in the same format as the built-in ones'),
    ignores: z.array(z.string()).optional().describe('Files the CLI leaves out: gitignore-style patterns relative to this file, e.g. templates/ or drafts/**/*.md'),
  })
  .strict();

export type Config = z.infer<typeof ConfigSpec>;
