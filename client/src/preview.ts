// The preview panel: shows what the language server renders for the active post-mortem (summary,
// chart, action items, the document) and keeps it current while typing. The client only shows it:
// the server renders and sanitises; the webview script only posts messages, which are checked here.
import * as vscode from 'vscode';
import { randomBytes } from 'node:crypto';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_REQUEST, type RenderParams, type RenderResponse } from '../../server/src/protocol';

const VIEW_TYPE = 'postmortem.preview';
const CONTEXT_KEY = 'postmortem.isPostmortem';
/** Typing pauses this long before the preview asks for a new rendering. */
const UPDATE_DELAY_MS = 100;

type Render = (params: RenderParams) => Promise<RenderResponse | null>;

export function registerPreview(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): vscode.Disposable {
  const render: Render = async (params) => {
    await ready;
    if (!client.isRunning()) return null;
    try {
      return await client.sendRequest<RenderResponse | null>(RENDER_REQUEST, params);
    } catch (e) {
      client.warn(`${RENDER_REQUEST} failed: ${e instanceof Error ? e.message : String(e)}`);
      return null;
    }
  };
  const preview = new Preview(context.extensionUri, render);
  const tracker = new PostmortemTracker(render, (uri) => preview.follow(uri));
  const activeMarkdown = (): vscode.Uri | undefined => {
    const doc = vscode.window.activeTextEditor?.document;
    return doc?.languageId === 'markdown' ? doc.uri : undefined;
  };
  return vscode.Disposable.from(
    preview,
    tracker,
    vscode.commands.registerCommand('postmortem.openPreviewToSide', (uri?: vscode.Uri) => preview.open(asUri(uri) ?? activeMarkdown(), true)),
    vscode.commands.registerCommand('postmortem.openPreview', (uri?: vscode.Uri) => preview.open(asUri(uri) ?? activeMarkdown(), false)),
    vscode.commands.registerCommand('postmortem.exportHtml', (uri?: vscode.Uri, destination?: vscode.Uri) => exportHtml(asUri(uri) ?? activeMarkdown() ?? preview.current, asUri(destination), render)),
  );
}

const asUri = (u: unknown): vscode.Uri | undefined => (u instanceof vscode.Uri ? u : undefined);
const sameUri = (a: vscode.Uri | undefined, b: vscode.Uri | undefined) => !!a && !!b && a.toString() === b.toString();

/** Keeps the `postmortem.isPostmortem` context key right for the active editor; reports post-mortems it sees. */
class PostmortemTracker implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private seq = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly render: Render,
    private readonly onPostmortem: (uri: vscode.Uri) => void,
  ) {
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.check()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document !== vscode.window.activeTextEditor?.document) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.check(), 500); // a heading typed can make it one
      }),
    );
    void this.check();
  }

  private async check(): Promise<void> {
    const seq = ++this.seq;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || doc.languageId !== 'markdown') {
      await vscode.commands.executeCommand('setContext', CONTEXT_KEY, false);
      return;
    }
    // Right after opening, the server may not have the document yet: ask again shortly.
    let res: RenderResponse | null = null;
    for (let attempt = 0; attempt < 4 && seq === this.seq; attempt++) {
      res = await this.render({ uri: doc.uri.toString(), mode: 'webview', part: 'metrics' });
      if (res) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    if (seq !== this.seq) return;
    await vscode.commands.executeCommand('setContext', CONTEXT_KEY, !!res?.isPostmortem);
    if (res?.isPostmortem) this.onPostmortem(doc.uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.disposables.forEach((d) => d.dispose());
  }
}

interface WebviewMessage {
  type?: unknown;
  line?: unknown;
  href?: unknown;
}

class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private panelDisposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Only the newest request's answer is shown. */
  private seq = 0;
  /** The webview script has loaded and listens for updates. */
  private scriptReady = false;
  /** Editor scrolls until then were caused by the preview (scroll sync must not echo). */
  private ignoreEditorScrollUntil = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly render: Render,
  ) {
    this.disposables.push(
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (this.panel && sameUri(e.document.uri, this.uri)) this.scheduleUpdate();
      }),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (!this.panel?.visible || !this.scriptReady || !sameUri(e.textEditor.document.uri, this.uri)) return;
        if (Date.now() < this.ignoreEditorScrollUntil || e.visibleRanges.length === 0) return;
        void this.panel.webview.postMessage({ type: 'scrollTo', line: e.visibleRanges[0]!.start.line });
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        if (this.panel) this.panel.webview.options = this.webviewOptions();
      }),
    );
  }

  get current(): vscode.Uri | undefined {
    return this.uri;
  }

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    if (!uri) {
      void vscode.window.showInformationMessage('Open a post-mortem (a markdown file) to preview it.');
      return;
    }
    await vscode.workspace.openTextDocument(uri); // the server renders documents the editor has open
    if (this.panel) {
      this.panel.reveal(toSide ? undefined : vscode.ViewColumn.Active, toSide);
    } else {
      const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Post-mortem Preview', { viewColumn: column, preserveFocus: toSide }, this.webviewOptions());
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'icon.png');
      this.watchPanel(this.panel);
    }
    await this.show(uri);
  }

  /** The active editor changed to a post-mortem: the open preview follows it. */
  follow(uri: vscode.Uri): void {
    if (this.panel && !sameUri(uri, this.uri)) void this.show(uri);
  }

  private webviewOptions(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      enableFindWidget: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media'), ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)],
    };
  }

  private watchPanel(panel: vscode.WebviewPanel): void {
    let wasVisible = panel.visible;
    this.panelDisposables.push(
      panel.onDidDispose(() => {
        this.panel = undefined;
        this.uri = undefined;
        this.scriptReady = false;
        clearTimeout(this.timer);
        this.panelDisposables.forEach((d) => d.dispose());
        this.panelDisposables = [];
      }),
      // Hidden webviews lose their content; show the current state when it comes back.
      panel.onDidChangeViewState((e) => {
        if (e.webviewPanel.visible && !wasVisible) void this.renderPage();
        wasVisible = e.webviewPanel.visible;
      }),
      panel.webview.onDidReceiveMessage((m: WebviewMessage) => void this.onMessage(m)),
    );
  }

  private async show(uri: vscode.Uri): Promise<void> {
    this.uri = uri;
    if (this.panel) this.panel.title = `Preview ${uri.path.split('/').pop() || 'post-mortem'}`;
    await this.renderPage();
  }

  private params(panel: vscode.WebviewPanel, uri: vscode.Uri, part: 'html' | 'body'): RenderParams {
    const webview = panel.webview;
    const params: RenderParams = { uri: uri.toString(), mode: 'webview', part };
    if (uri.scheme !== 'untitled') params.resourceBase = `${webview.asWebviewUri(vscode.Uri.joinPath(uri, '..')).toString().replace(/\/$/, '')}/`;
    if (part === 'html') {
      params.nonce = randomBytes(18).toString('base64url');
      params.cspSource = webview.cspSource;
      params.scriptUri = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'preview.js')).toString();
    }
    return params;
  }

  /** A whole new page (first show, another document, panel shown again). */
  private async renderPage(): Promise<void> {
    const { panel, uri } = this;
    if (!panel || !uri) return;
    const seq = ++this.seq;
    let res = await this.render(this.params(panel, uri, 'html'));
    // A document opened a moment ago may not have reached the server yet.
    for (let attempt = 0; !res && attempt < 3 && seq === this.seq; attempt++) {
      await new Promise((r) => setTimeout(r, 300));
      res = await this.render(this.params(panel, uri, 'html'));
    }
    if (seq !== this.seq || panel !== this.panel) return;
    this.scriptReady = false;
    panel.webview.html = res?.html ?? messagePage('The preview is not available: the Postmortem language server is not running or does not have this document open.');
  }

  private scheduleUpdate(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.update(), UPDATE_DELAY_MS);
  }

  /** New content swapped into the page in place (keeps the scroll position). */
  private async update(): Promise<void> {
    const { panel, uri } = this;
    if (!panel || !uri) return;
    if (!this.scriptReady) return this.renderPage();
    const seq = ++this.seq;
    const res = await this.render(this.params(panel, uri, 'body'));
    if (seq !== this.seq || panel !== this.panel || res?.body === undefined) return;
    void panel.webview.postMessage({ type: 'update', body: res.body, version: res.version });
  }

  private async onMessage(m: WebviewMessage): Promise<void> {
    if (!m || typeof m !== 'object' || !this.uri) return;
    const line = typeof m.line === 'number' && Number.isInteger(m.line) && m.line >= 0 ? m.line : null;
    switch (m.type) {
      case 'ready': {
        this.scriptReady = true;
        const editor = this.editorOf(this.uri);
        if (editor?.visibleRanges[0]) void this.panel?.webview.postMessage({ type: 'scrollTo', line: editor.visibleRanges[0].start.line });
        if (editor && this.panel) this.scheduleUpdate(); // typed while the page was loading
        return;
      }
      case 'reveal':
        if (line !== null) await this.reveal(this.uri, line, true);
        return;
      case 'scrolled':
        if (line !== null) await this.reveal(this.uri, line, false);
        return;
      case 'open':
        if (typeof m.href === 'string') await openLink(m.href, this.uri);
        return;
      case 'problems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
    }
  }

  private editorOf(uri: vscode.Uri): vscode.TextEditor | undefined {
    return vscode.window.visibleTextEditors.find((e) => sameUri(e.document.uri, uri));
  }

  /** `select`: a click (move the cursor there and focus the editor); otherwise scroll sync (scroll only). */
  private async reveal(uri: vscode.Uri, line: number, select: boolean): Promise<void> {
    const editor = this.editorOf(uri);
    if (!select) {
      if (!editor) return;
      const l = Math.min(line, editor.document.lineCount - 1);
      this.ignoreEditorScrollUntil = Date.now() + 300;
      editor.revealRange(new vscode.Range(l, 0, l, 0), vscode.TextEditorRevealType.AtTop);
      return;
    }
    const doc = editor?.document ?? (await vscode.workspace.openTextDocument(uri));
    const pos = new vscode.Position(Math.min(line, doc.lineCount - 1), 0);
    const column = editor?.viewColumn ?? (this.panel?.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One);
    const shown = await vscode.window.showTextDocument(doc, { viewColumn: column, selection: new vscode.Range(pos, pos), preserveFocus: false });
    shown.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    this.disposables.forEach((d) => d.dispose());
  }
}

/** Links from the preview: http(s) in the browser, files inside the workspace in the editor, nothing else. */
export async function openLink(href: string, documentUri: vscode.Uri): Promise<void> {
  const raw = href.trim();
  if (!raw || raw.length > 4096 || raw.startsWith('#')) return;
  if (/^https?:\/\//i.test(raw)) {
    let target: vscode.Uri;
    try {
      target = vscode.Uri.parse(raw, true);
    } catch {
      return;
    }
    if (target.scheme === 'http' || target.scheme === 'https') await vscode.env.openExternal(target);
    return;
  }
  const refuse = () => void vscode.window.showWarningMessage(`The post-mortem preview opens only web links and files in the workspace, not "${raw.slice(0, 200)}".`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//') || raw.includes('\\') || documentUri.scheme === 'untitled') return refuse();
  const hash = raw.indexOf('#');
  const pathPart = (hash >= 0 ? raw.slice(0, hash) : raw).replace(/\?.*$/, '');
  const fragment = hash >= 0 ? raw.slice(hash + 1) : '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathPart);
  } catch {
    return refuse();
  }
  const folder = vscode.workspace.getWorkspaceFolder(documentUri);
  const target = decoded.startsWith('/') ? (folder ? vscode.Uri.joinPath(folder.uri, decoded) : undefined) : vscode.Uri.joinPath(documentUri, '..', decoded);
  if (!target || !vscode.workspace.getWorkspaceFolder(target)) return refuse();
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(target);
  } catch {
    void vscode.window.showWarningMessage(`Not found: ${vscode.workspace.asRelativePath(target)}`);
    return;
  }
  if (stat.type & vscode.FileType.Directory) {
    await vscode.commands.executeCommand('revealInExplorer', target);
    return;
  }
  const line = /^L(\d+)/.exec(fragment);
  const options: vscode.TextDocumentShowOptions = line ? { selection: new vscode.Range(Number(line[1]) - 1, 0, Number(line[1]) - 1, 0) } : {};
  await vscode.commands.executeCommand('vscode.open', target, options);
}

/** `Postmortem: Export HTML`: the standalone report (light theme, no script), saved where the author picks. */
async function exportHtml(uri: vscode.Uri | undefined, destination: vscode.Uri | undefined, render: Render): Promise<vscode.Uri | undefined> {
  if (!uri) {
    void vscode.window.showInformationMessage('Open a post-mortem (a markdown file) to export it.');
    return undefined;
  }
  await vscode.workspace.openTextDocument(uri); // the server renders its open copy
  const res = await render({ uri: uri.toString(), mode: 'standalone', part: 'html' });
  if (!res?.html) {
    void vscode.window.showErrorMessage('Export HTML failed: the Postmortem language server is not running or does not have this document open.');
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const name = (uri.path.split('/').pop() || 'postmortem.md').replace(/\.[^.]*$/, '') + '.html';
  const defaultUri = uri.scheme === 'untitled' ? (folder ? vscode.Uri.joinPath(folder, name) : undefined) : vscode.Uri.joinPath(uri, '..', name);
  const dest = destination ?? (await vscode.window.showSaveDialog({ ...(defaultUri ? { defaultUri } : {}), filters: { HTML: ['html', 'htm'] }, saveLabel: 'Export' }));
  if (!dest) return undefined;
  await vscode.workspace.fs.writeFile(dest, new TextEncoder().encode(res.html));
  void vscode.window.showInformationMessage(`Exported ${vscode.workspace.asRelativePath(dest)}`);
  return dest;
}

function messagePage(text: string): string {
  const escaped = text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escaped}</p></body></html>`;
}
