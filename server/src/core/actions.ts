// Code actions: each finding's quick fixes, fix-all, insert-all-missing-sections and
// disabling a rule. Fixes only insert text or replace what their title names.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import { RULES } from './rules';
import type { Fix, RuleContext } from './rules/rule';
import { insertSection } from './template/insertSection';
import { SOURCE } from './diagnose';
import { lineRange } from './model/text';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.postmortem`;
export const INSERT_SECTIONS_KIND = `${CodeActionKind.Source}.postmortem.insertMissingSections`;
export const DISABLE_IN_WORKSPACE_COMMAND = 'postmortem.disableRuleInWorkspace';
export const CHECK_TEMPLATE_KIND = `${CodeActionKind.Refactor}.postmortem.checkAgainstTemplate`;

export interface CodeActionRequest {
  diagnostics: Diagnostic[];
  only?: string[];
}

const wants = (only: string[] | undefined, kind: string) => !only || only.some((o) => kind === o || kind.startsWith(o + '.') || o.startsWith(kind));

export function fixesFor(ctx: RuleContext, d: Diagnostic): Fix[] {
  const rule = RULES.find((r) => r.id === d.code);
  if (!rule?.fix || d.source !== SOURCE) return [];
  try {
    return rule.fix(ctx, { range: d.range, message: typeof d.message === 'string' ? d.message : d.message.value, data: (d.data ?? {}) as Record<string, unknown> });
  } catch {
    return [];
  }
}

/** Fix-all as one path: every safe fix (of one rule, when given) settled to a fixpoint. */
export type FixAll = (rule?: string) => TextEdit[];
export const FIX_ALL_TITLE = 'Fix all auto-fixable problems in this document';
export const fixRuleTitle = (rule: string) => `Fix all '${rule}' problems`;

/**
 * The actions for `range`: quick fixes for the findings that intersect it (the client sends the
 * findings it shows there; another client may send them all), then, as vscode-markdownlint offers
 * them in the Ctrl+. menu, fix-all for the document and for each rule with more than one safe fix.
 */
export function codeActions(ctx: RuleContext, range: Range, req: CodeActionRequest, all: Diagnostic[], fixAll: FixAll): CodeAction[] {
  const { model } = ctx;
  if (!model.isPostmortem) return [];
  const uri = model.uri;
  const edit = (edits: TextEdit[]) => ({ changes: { [uri]: edits } });
  const out: CodeAction[] = [];
  const mine = req.diagnostics.filter((d) => d.source === SOURCE && intersects(d.range, range));

  if (wants(req.only, CodeActionKind.QuickFix)) {
    for (const d of mine) {
      for (const f of fixesFor(ctx, d)) {
        out.push({ title: f.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.isPreferred ?? false, edit: edit(f.edits) });
      }
    }
    const missing = all.filter((d) => d.code === 'missing-section');
    if (missing.length > 1 && mine.some((d) => d.code === 'missing-section')) {
      out.push({ title: `Insert all ${missing.length} missing sections`, kind: CodeActionKind.QuickFix, diagnostics: missing, edit: edit(insertAllSections(ctx)) });
    }
    const fixable = mine.filter((d) => d.code !== 'missing-section' && fixesFor(ctx, d).some((f) => f.fixAll));
    if (fixable.length) {
      for (const code of new Set(fixable.map((d) => String(d.code)))) {
        const edits = all.filter((d) => d.code === code).length > 1 ? fixAll(code) : [];
        if (edits.length) out.push({ title: fixRuleTitle(code), kind: CodeActionKind.QuickFix, diagnostics: all.filter((d) => d.code === code), edit: edit(edits) });
      }
      const edits = fixAll();
      if (edits.length) out.push({ title: FIX_ALL_TITLE, kind: CodeActionKind.QuickFix, edit: edit(edits) });
    }
    for (const code of new Set(mine.map((d) => String(d.code)))) {
      out.push({ title: `Disable rule ${code} for this file`, kind: CodeActionKind.QuickFix, edit: edit([disableInFile(ctx, code)]) });
      out.push({
        title: `Disable rule ${code} in the workspace config`,
        kind: CodeActionKind.QuickFix,
        command: { title: `Disable rule ${code} in the workspace config`, command: DISABLE_IN_WORKSPACE_COMMAND, arguments: [uri, code] },
      });
    }
  }
  if (wants(req.only, INSERT_SECTIONS_KIND) && req.only) {
    const edits = insertAllSections(ctx);
    if (edits.length) out.push({ title: 'Insert all missing sections', kind: INSERT_SECTIONS_KIND, edit: edit(edits) });
  }
  if (req.only && wants(req.only, FIX_ALL_KIND)) {
    const edits = fixAll();
    if (edits.length) out.push({ title: 'Fix all post-mortem problems', kind: FIX_ALL_KIND, edit: edit(edits) });
  }
  const check = checkAgainstTemplate(ctx, range);
  if (check && wants(req.only, CHECK_TEMPLATE_KIND)) out.push(check);
  return out;
}

/**
 * On the title (or the front matter) of a generic post-mortem: "Check against template X" for the
 * closest template, which writes `template: X` into the front matter (creating it when absent).
 * Nothing the author wrote is removed; a front matter that already names a template is left alone.
 */
function checkAgainstTemplate({ model }: RuleContext, range: Range): CodeAction | null {
  const id = model.closestTemplateId;
  if (model.templateId || !id || model.frontMatter?.['template'] !== undefined) return null;
  const titleLine = model.sections.find((s) => s.title === model.title)?.headingRange.start.line ?? 0;
  const fm = model.frontMatterRange;
  const onTop = range.start.line === titleLine || range.start.line === 0 || (fm !== null && range.start.line <= fm.end.line);
  if (!onTop) return null;
  const toml = fm !== null && model.lines[fm.start.line]?.startsWith('+++');
  const edit: TextEdit = fm
    ? { range: lineRange(fm.start.line + 1, 0, 0), newText: toml ? `template = "${id}"\n` : `template: ${id}\n` }
    : { range: lineRange(0, 0, 0), newText: `---\ntemplate: ${id}\n---\n\n` };
  return { title: `Check against template ${id}`, kind: CHECK_TEMPLATE_KIND, edit: { changes: { [model.uri]: [edit] } } };
}

/** Shared text or touching ends: a finding at the cursor (an empty range) counts. */
const intersects = (a: Range, b: Range) => cmp(a.start, b.end) <= 0 && cmp(b.start, a.end) <= 0;

/** Every safe fix, skipping any that would overlap an earlier one. */
export function fixAllEdits(ctx: RuleContext, diagnostics: Diagnostic[], rule?: string): TextEdit[] {
  const edits: TextEdit[] = [];
  const taken: Range[] = [];
  // As LSP applies edits: insertions at one point all apply, in order, and so does an edit that starts
  // where another ends. Shared text, or an insertion inside (or at the start of) a replacement, does not.
  const overlaps = (a: Range, b: Range) => {
    if (isEmpty(a) && isEmpty(b)) return false;
    if (isEmpty(a)) return cmp(b.start, a.start) <= 0 && cmp(a.start, b.end) < 0;
    if (isEmpty(b)) return cmp(a.start, b.start) <= 0 && cmp(b.start, a.end) < 0;
    return cmp(a.start, b.end) < 0 && cmp(b.start, a.end) < 0;
  };
  for (const d of diagnostics) {
    if (d.code === 'missing-section' || (rule !== undefined && d.code !== rule)) continue;
    const fix = fixesFor(ctx, d).find((f) => f.fixAll);
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(t, e.range)))) continue;
    edits.push(...fix.edits);
    taken.push(...fix.edits.map((e) => e.range));
  }
  // Missing sections have their own action (Insert all missing sections): a skeleton can state a
  // zone or a field that changes what other fixes computed.
  return edits;
}

function insertAllSections(ctx: RuleContext): TextEdit[] {
  const { model, template } = ctx;
  if (!template) return [];
  const present = new Set(model.sections.map((s) => s.templateId));
  return template.sections.filter((s) => s.required && s.role !== 'title' && !present.has(s.id)).map((s) => insertSection(model, template, s));
}

function disableInFile(ctx: RuleContext, code: string): TextEdit {
  const after = ctx.model.frontMatterRange ? ctx.model.frontMatterRange.end.line + 1 : 0;
  return { range: lineRange(after, 0, 0), newText: `<!-- postmortem-disable ${code} -->\n` };
}

const cmp = (a: { line: number; character: number }, b: { line: number; character: number }) => a.line - b.line || a.character - b.character;
const isEmpty = (r: Range) => cmp(r.start, r.end) === 0;
