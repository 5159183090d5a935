// The Insights panel: the workspace's post-mortems as charts, rendered by the language server (same
// CSP with a nonce and escaping as the preview). The client only shows it, refreshes it when the
// index changes, opens the documents the page links to, and saves the standalone page (Export HTML).
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INSIGHTS_REQUEST, type InsightsParams, type InsightsResult } from '../../server/src/protocol';
import type { WorkspaceIndexClient } from './workspaceIndex';

const VIEW_TYPE = 'postmortem.insights';
const REFRESH_DELAY_MS = 500;

export function registerInsights(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, index: WorkspaceIndexClient): vscode.Disposable {
  const request = async (params: InsightsParams): Promise<InsightsResult | null> => {
    await ready;
    if (!client.isRunning()) return null;
    try {
      return await client.sendRequest<InsightsResult>(INSIGHTS_REQUEST, params);
    } catch (e) {
      client.warn(`${INSIGHTS_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };
  let panel: vscode.WebviewPanel | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let seq = 0;

  const refresh = async () => {
    const p = panel;
    if (!p) return;
    const mine = ++seq;
    const res = await request({
      mode: 'webview',
      nonce: randomBytes(18).toString('base64url'),
      cspSource: p.webview.cspSource,
      scriptUri: p.webview.asWebviewUri(vscode.Uri.joinPath(context.extensionUri, 'media', 'insights.js')).toString(),
    });
    if (mine !== seq || p !== panel) return;
    p.webview.html =
      res?.html ??
      `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>Insights are not available: the Postmortem language server is not running.</p></body></html>`;
  };

  const onMessage = async (m: { type?: unknown; uri?: unknown; line?: unknown }) => {
    if (!m || typeof m !== 'object') return;
    if (m.type === 'export') return void exportInsights(undefined, request);
    if (m.type !== 'open' || typeof m.uri !== 'string') return;
    // Only documents the index knows: the page cannot make the editor open anything else.
    if (!index.get(m.uri)) return;
    const line = typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0 ? m.line : 0;
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(m.uri), { selection: new vscode.Range(line, 0, line, 0), viewColumn: vscode.ViewColumn.One });
  };

  const open = async () => {
    if (panel) panel.reveal();
    else {
      panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Post-mortem Insights', vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        enableFindWidget: true,
        localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'media')],
      });
      panel.iconPath = vscode.Uri.joinPath(context.extensionUri, 'media', 'icon.png');
      const current = panel;
      const subs = [
        current.webview.onDidReceiveMessage((m) => void onMessage(m as { type?: unknown })),
        current.onDidChangeViewState((e) => {
          if (e.webviewPanel.visible) void refresh();
        }),
      ];
      current.onDidDispose(() => {
        subs.forEach((d) => d.dispose());
        if (panel === current) panel = undefined;
      });
    }
    await refresh();
  };

  return vscode.Disposable.from(
    index.onDidChange(() => {
      if (!panel?.visible) return;
      clearTimeout(timer);
      timer = setTimeout(() => void refresh(), REFRESH_DELAY_MS);
    }),
    vscode.commands.registerCommand('postmortem.openInsights', open),
    vscode.commands.registerCommand('postmortem.exportInsights', (destination?: vscode.Uri) => exportInsights(destination instanceof vscode.Uri ? destination : undefined, request)),
    { dispose: () => panel?.dispose() },
  );
}

/** `Postmortem: Export Insights as HTML`: the standalone page (light theme, no script). */
async function exportInsights(destination: vscode.Uri | undefined, request: (p: InsightsParams) => Promise<InsightsResult | null>): Promise<vscode.Uri | undefined> {
  const res = await request({ mode: 'standalone' });
  if (!res) {
    void vscode.window.showErrorMessage('Export failed: the Postmortem language server is not running.');
    return undefined;
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dest =
    destination ??
    (await vscode.window.showSaveDialog({ ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, 'postmortem-insights.html') } : {}), filters: { HTML: ['html', 'htm'] }, saveLabel: 'Export' }));
  if (!dest) return undefined;
  await vscode.workspace.fs.writeFile(dest, new TextEncoder().encode(res.html));
  void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(dest)}`);
  return dest;
}
