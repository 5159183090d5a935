// The preview's CSS. Everything is written against --pm-* variables: in a webview they come from the
// VS Code theme (light, dark and high contrast alike), in standalone HTML from a fixed light theme.
import { PHASES } from '../model/types';

const WEBVIEW_THEME = `
:root {
  --pm-fg: var(--vscode-editor-foreground);
  --pm-bg: var(--vscode-editor-background);
  --pm-muted: var(--vscode-descriptionForeground);
  --pm-border: var(--vscode-contrastBorder, var(--vscode-editorWidget-border, var(--vscode-panel-border, rgba(128, 128, 128, 0.35))));
  --pm-card-bg: var(--vscode-editorWidget-background, var(--vscode-sideBar-background));
  --pm-link: var(--vscode-textLink-foreground);
  --pm-link-active: var(--vscode-textLink-activeForeground);
  --pm-focus: var(--vscode-focusBorder);
  --pm-warn: var(--vscode-editorWarning-foreground);
  --pm-error: var(--vscode-errorForeground);
  --pm-code-bg: var(--vscode-textCodeBlock-background);
  --pm-quote-border: var(--vscode-textBlockQuote-border);
  --pm-quote-bg: var(--vscode-textBlockQuote-background);
  --pm-font: var(--vscode-font-family);
  --pm-font-size: var(--vscode-font-size, 13px);
  --pm-mono: var(--vscode-editor-font-family, monospace);
  --pm-c-started: var(--vscode-charts-foreground, #cccccc);
  --pm-c-detected: var(--vscode-charts-red, #f14c4c);
  --pm-c-acknowledged: var(--vscode-charts-orange, #d18616);
  --pm-c-mitigated: var(--vscode-charts-yellow, #cca700);
  --pm-c-restored: var(--vscode-charts-blue, #3794ff);
  --pm-c-resolved: var(--vscode-charts-green, #89d185);
  --pm-c-none: var(--vscode-charts-lines, var(--vscode-descriptionForeground));
}
body.vscode-high-contrast .pm-band, body.vscode-high-contrast-light .pm-band { fill-opacity: 0.2; stroke-width: 2; }
body.vscode-high-contrast .pm-card, body.vscode-high-contrast-light .pm-card { border-width: 2px; }
`;

const LIGHT_THEME = `
:root {
  color-scheme: light;
  --pm-fg: #1f2328;
  --pm-bg: #ffffff;
  --pm-muted: #59636e;
  --pm-border: #d1d9e0;
  --pm-card-bg: #f6f8fa;
  --pm-link: #0969da;
  --pm-link-active: #0550ae;
  --pm-focus: #0969da;
  --pm-warn: #9a6700;
  --pm-error: #d1242f;
  --pm-code-bg: #f6f8fa;
  --pm-quote-border: #d1d9e0;
  --pm-quote-bg: transparent;
  --pm-font: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
  --pm-font-size: 15px;
  --pm-mono: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace;
  --pm-c-started: #59636e;
  --pm-c-detected: #cf222e;
  --pm-c-acknowledged: #bc4c00;
  --pm-c-mitigated: #bf8700;
  --pm-c-restored: #0969da;
  --pm-c-resolved: #1a7f37;
  --pm-c-none: #8c959f;
}
body { max-width: 980px; margin: 0 auto; padding: 24px 32px 48px; }
`;

const COMMON = `
* { box-sizing: border-box; }
body { color: var(--pm-fg); background: var(--pm-bg); font-family: var(--pm-font); font-size: var(--pm-font-size); line-height: 1.5; word-wrap: break-word; }
a { color: var(--pm-link); text-decoration: none; }
a:hover { color: var(--pm-link-active); text-decoration: underline; }
:focus-visible { outline: 1px solid var(--pm-focus); outline-offset: 1px; }
.pm-card { border: 1px solid var(--pm-border); background: var(--pm-card-bg); border-radius: 6px; padding: 12px 16px; margin: 0 0 14px; }
.pm-card-title { font-size: 1em; font-weight: 600; margin: 0 0 8px; border: 0; padding: 0; }
.pm-title { font-size: 1.35em; font-weight: 600; margin: 0 0 6px; }
.pm-tags { display: flex; flex-wrap: wrap; gap: 6px 14px; margin-bottom: 10px; color: var(--pm-muted); }
.pm-tags strong { color: var(--pm-fg); }
.pm-none { color: var(--pm-muted); font-style: italic; font-weight: normal; }
.pm-muted, .pm-note { color: var(--pm-muted); }
.pm-note { font-size: 0.9em; margin: 6px 0 0; }
.pm-empty { color: var(--pm-muted); margin: 0; }
.pm-facts, .pm-metrics, .pm-counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px 16px; margin: 0 0 10px; }
.pm-facts { grid-template-columns: repeat(auto-fill, minmax(220px, 1fr)); }
.pm-facts dt, .pm-metrics dt, .pm-counts dt { color: var(--pm-muted); font-size: 0.85em; }
.pm-facts dd, .pm-metrics dd, .pm-counts dd { margin: 0; font-weight: 600; }
.pm-metrics .pm-value { font-size: 1.25em; font-variant-numeric: tabular-nums; }
.pm-stated { display: block; font-weight: normal; font-size: 0.9em; color: var(--pm-muted); cursor: pointer; }
.pm-mismatch .pm-value { color: var(--pm-warn); }
.pm-tag .pm-invalid { color: var(--pm-warn); }
.pm-mismatch .pm-disagrees { color: var(--pm-warn); }
.pm-diagnostics { display: flex; align-items: baseline; gap: 10px; }
.pm-link { background: none; border: 0; padding: 0; color: var(--pm-link); cursor: pointer; font: inherit; }
.pm-link:hover { text-decoration: underline; }
.pm-alert { color: var(--pm-error); }
.pm-owners { border-collapse: collapse; margin: 4px 0; }
.pm-owners th, .pm-owners td { border: 1px solid var(--pm-border); padding: 2px 10px; text-align: right; }
.pm-owners th:first-child, .pm-owners td:first-child { text-align: left; }
.pm-overdue { margin: 8px 0 0; padding-left: 20px; }
.pm-overdue li { cursor: pointer; }
[data-reveal-line] { cursor: pointer; }
.pm-timeline { display: block; overflow: visible; }
.pm-timeline text { fill: var(--pm-muted); font-size: 11px; font-family: var(--pm-font); }
.pm-axis, .pm-axis-tick { stroke: var(--pm-muted); stroke-width: 1; }
.pm-band { fill-opacity: 0.35; stroke-opacity: 0.9; stroke-width: 1; }
.pm-milestone { stroke: var(--pm-fg); stroke-width: 1; stroke-dasharray: 2 2; opacity: 0.6; }
.pm-tick line { stroke: var(--pm-c-none); stroke-width: 1; opacity: 0.6; }
.pm-tick .pm-dot { fill: var(--pm-c-none); stroke: var(--pm-bg); stroke-width: 1; }
.pm-tick .pm-hit { fill: transparent; }
.pm-tick:hover .pm-dot, .pm-tick:focus .pm-dot { stroke: var(--pm-fg); stroke-width: 2; }
.pm-tick:focus { outline: none; }
.pm-legend { display: flex; flex-wrap: wrap; gap: 4px 16px; list-style: none; padding: 0; margin: 6px 0 0; font-size: 0.9em; }
.pm-swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 5px; vertical-align: baseline; }
${PHASES.map((p) => `.pm-band-${p} { fill: var(--pm-c-${p}); stroke: var(--pm-c-${p}); background: var(--pm-c-${p}); }\n.pm-phase-${p} .pm-dot { fill: var(--pm-c-${p}); }`).join('\n')}
.pm-notice { border-left: 3px solid var(--pm-warn); }
.pm-doc { margin-top: 18px; }
.pm-doc h1, .pm-doc h2 { border-bottom: 1px solid var(--pm-border); padding-bottom: 0.3em; }
.pm-doc h1 { font-size: 1.8em; } .pm-doc h2 { font-size: 1.45em; } .pm-doc h3 { font-size: 1.2em; }
.pm-doc table { border-collapse: collapse; margin: 12px 0; display: block; overflow-x: auto; }
.pm-doc th, .pm-doc td { border: 1px solid var(--pm-border); padding: 4px 10px; }
.pm-doc th { font-weight: 600; }
.pm-doc th[align="right"], .pm-doc td[align="right"] { text-align: right; }
.pm-doc th[align="center"], .pm-doc td[align="center"] { text-align: center; }
.pm-doc code { font-family: var(--pm-mono); font-size: 0.92em; background: var(--pm-code-bg); padding: 0.1em 0.3em; border-radius: 3px; }
.pm-doc pre { background: var(--pm-code-bg); padding: 10px 12px; border-radius: 4px; overflow-x: auto; }
.pm-doc pre code { background: none; padding: 0; }
.pm-doc blockquote { margin: 0 0 12px; padding: 2px 12px; border-left: 4px solid var(--pm-quote-border); background: var(--pm-quote-bg); color: var(--pm-muted); }
.pm-doc img { max-width: 100%; }
.pm-doc hr { border: 0; border-top: 1px solid var(--pm-border); }
.pm-doc .task-list-item { list-style: none; }
.pm-doc .task-list-item input { margin: 0 0.4em 0 -1.3em; vertical-align: middle; }
.pm-doc .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
.pm-remote-image, .pm-missing-image { border: 1px dashed var(--pm-border); border-radius: 3px; padding: 0 4px; color: var(--pm-muted); }
`;

export function styles(mode: 'webview' | 'standalone'): string {
  return (mode === 'webview' ? WEBVIEW_THEME : LIGHT_THEME) + COMMON;
}
