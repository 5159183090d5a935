// The one door into the engine: the service and the types its callers (the language server, the
// CLI, the workspace loader, the bench) need. Nothing outside server/src/core imports deeper.
export { createService } from './service';
export type { DocumentInput, PostmortemService, ServiceOptions } from './service';
export { FIX_ALL_KIND, INSERT_SECTIONS_KIND, DISABLE_IN_WORKSPACE_COMMAND } from './actions';
export type { CodeActionRequest } from './actions';
export { displayTitle, type ReadResource, type RenderMode, type RenderOptions, type RenderResult } from './render';
export { parseConfig, parseTemplate, type TemplateError } from './template/load';
export { ConfigSpec, type Config, type FieldSpec, type RuleSeverity, type SectionSpec, type TemplateSpec } from './template/schema';
export { formatDuration, formatInstant } from './time';
export type { Metrics, Postmortem } from './model/types';
export { METRIC_KINDS } from './model/types';
export { metricName } from './model/metricNames';
export { WorkspaceIndex, type IndexChange } from './workspace/workspaceIndex';
export type { ActionItemSummary, PostmortemSummary } from './workspace/summary';
export { buildReport, reportJsonParts, reportPiece, type Report, type ReportPiece } from './workspace/report';
export { reportCsv, reportText } from './workspace/formats';
export { renderInsights } from './workspace/insights';
export { importTimeline, SOURCES, type ImportEntry, type ImportInput, type ImportOptions, type ImportResult, type SourceId } from './import';
export { applyTextEdits } from './textEdits';
// For the CLI: SARIF lists every rule.
export { countingRules, RULES } from './rules';
export type { Rule } from './rules/rule';
