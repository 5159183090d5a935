// The Post-mortems and Action items views in the Explorer, and the workspace problems switch.
// Both views show the server's index (client/src/workspaceIndex.ts); a click opens the document
// (at the action item's row).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WORKSPACE_PROBLEMS_REQUEST, type ActionItemSummary, type PostmortemSummary } from '../../server/src/protocol';
import { groupBy, minutes } from './viewText';
import { WorkspaceIndexClient } from './workspaceIndex';

export const POSTMORTEMS_VIEW = 'postmortem.postmortems';
export const ACTION_ITEMS_VIEW = 'postmortem.actionItems';
const PROBLEMS_SETTING = 'workspaceProblems';

type PostmortemGrouping = 'date' | 'month' | 'severity' | 'status';
type ActionGrouping = 'owner' | 'status';

const day = (s: PostmortemSummary) => s.start?.slice(0, 10) ?? (s.month ? s.month : 'undated');
const openAt = (uri: string, line?: number): vscode.Command => ({
  title: 'Open',
  command: 'vscode.open',
  arguments: [vscode.Uri.parse(uri), line === undefined ? {} : { selection: new vscode.Range(line - 1, 0, line - 1, 0) }],
});

type Group = { kind: 'group'; label: string; children: Node[] };
type Node = Group | { kind: 'postmortem'; s: PostmortemSummary } | { kind: 'item'; s: PostmortemSummary; a: ActionItemSummary };

function group<T>(items: readonly T[], key: (t: T) => string, node: (t: T) => Node, order?: (a: string, b: string) => number): Group[] {
  return groupBy(items, key, order).map((g) => ({ kind: 'group', label: g.label, children: g.items.map(node) }));
}

abstract class Tree implements vscode.TreeDataProvider<Node> {
  protected readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  constructor(protected readonly index: WorkspaceIndexClient) {
    index.onDidChange(() => this.emitter.fire(undefined));
  }
  refresh(): void {
    this.emitter.fire(undefined);
  }
  abstract roots(): Node[];
  getChildren(node?: Node): Node[] {
    return node ? (node.kind === 'group' ? node.children : []) : this.roots();
  }
  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Expanded);
      item.description = String(node.children.length);
      item.contextValue = 'group';
      return item;
    }
    return node.kind === 'postmortem' ? postmortemItem(node.s) : actionItem(node.s, node.a);
  }
}

function postmortemItem(s: PostmortemSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(s.title, vscode.TreeItemCollapsibleState.None);
  const problems = s.problems ? `${s.problems} problem${s.problems === 1 ? '' : 's'}` : 'no problems';
  item.description = [day(s), s.severity ?? 'no severity', s.status ?? 'no status', `duration ${minutes(s.durationMinutes)}`, `TTD ${minutes(s.timeToDetectMinutes)}`, problems].join(' · ');
  item.tooltip = new vscode.MarkdownString(
    [
      `**${s.title.replace(/[\\`*_[\]<>]/g, '\\$&')}**`,
      '',
      `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}`,
      '',
      `Start: ${s.start ?? '—'} · End: ${s.end ?? '—'}`,
      '',
      `Duration ${minutes(s.durationMinutes)} · TTD ${minutes(s.timeToDetectMinutes)} · TTA ${minutes(s.timeToAcknowledgeMinutes)} · TTM ${minutes(s.timeToMitigateMinutes)} · TTR ${minutes(s.timeToResolveMinutes)}`,
      '',
      `${s.errors} error(s), ${s.warnings} warning(s), ${s.problems} finding(s) in all${s.mismatches.length ? ` · ${s.mismatches.length} stated number(s) disagree with the timeline` : ''}`,
    ].join('\n'),
  );
  item.iconPath = new vscode.ThemeIcon(
    s.errors ? 'error' : s.warnings ? 'warning' : 'note',
    s.errors ? new vscode.ThemeColor('list.errorForeground') : s.warnings ? new vscode.ThemeColor('list.warningForeground') : undefined,
  );
  item.resourceUri = vscode.Uri.parse(s.uri);
  item.command = openAt(s.uri);
  item.contextValue = 'postmortem';
  item.id = `pm:${s.uri}`;
  return item;
}

function actionItem(s: PostmortemSummary, a: ActionItemSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(a.id ? `${a.id} ${a.text}` : a.text, vscode.TreeItemCollapsibleState.None);
  const state = a.overdue ? 'overdue' : a.open ? 'open' : 'done';
  item.description = [state, a.owner ?? 'no owner', a.due ? `due ${a.due}` : 'no due date', `${vscode.workspace.asRelativePath(vscode.Uri.parse(s.uri))}:${a.line}`].join(' · ');
  item.tooltip = `${s.title}\n${a.text}\nOwner: ${a.owner ?? '—'} · Due: ${a.due ?? '—'} · Status: ${a.status ?? '—'}${a.overdue ? ' · OVERDUE' : ''}`;
  item.iconPath = a.overdue
    ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.errorForeground'))
    : new vscode.ThemeIcon(a.open ? 'circle-large-outline' : 'pass', a.open ? undefined : new vscode.ThemeColor('testing.iconPassed'));
  item.command = openAt(s.uri, a.line);
  item.contextValue = `actionItem.${state}`;
  item.id = `ai:${s.uri}:${a.line}`;
  return item;
}

class PostmortemsTree extends Tree {
  grouping: PostmortemGrouping = 'date';
  roots(): Node[] {
    const list = this.index.list();
    const node = (s: PostmortemSummary): Node => ({ kind: 'postmortem', s });
    switch (this.grouping) {
      case 'month':
        return group(list, (s) => s.month ?? 'undated', node);
      case 'severity':
        return group(
          list,
          (s) => s.severity ?? 'no severity',
          node,
          (a, b) => a.localeCompare(b, undefined, { numeric: true }),
        );
      case 'status':
        return group(
          list,
          (s) => s.status ?? 'no status',
          node,
          (a, b) => a.localeCompare(b),
        );
      default:
        return list.map(node);
    }
  }
}

class ActionItemsTree extends Tree {
  grouping: ActionGrouping = 'owner';
  roots(): Node[] {
    const items = this.index.list().flatMap((s) => s.actionItems.map((a): Node & { kind: 'item' } => ({ kind: 'item', s, a })));
    const sorted = [...items].sort((x, y) => Number(y.a.overdue) - Number(x.a.overdue) || Number(y.a.open) - Number(x.a.open) || (x.a.due ?? '9').localeCompare(y.a.due ?? '9'));
    if (this.grouping === 'status') {
      const rank = ['overdue', 'open', 'done'];
      return group(
        sorted,
        (n) => (n.a.overdue ? 'overdue' : n.a.open ? 'open' : 'done'),
        (n) => n,
        (a, b) => rank.indexOf(a) - rank.indexOf(b),
      );
    }
    const ownerKey = (n: { a: ActionItemSummary }) => n.a.owner?.replace(/^@/, '') || 'no owner';
    return group(
      sorted,
      ownerKey,
      (n) => n,
      (a, b) => (a === 'no owner' ? 1 : b === 'no owner' ? -1 : a.localeCompare(b)),
    );
  }
}

export function registerWorkspaceViews(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): { index: WorkspaceIndexClient; disposable: vscode.Disposable } {
  const index = new WorkspaceIndexClient(client, ready);
  const postmortems = new PostmortemsTree(index);
  const actions = new ActionItemsTree(index);
  postmortems.grouping = context.workspaceState.get<PostmortemGrouping>('postmortem.postmortems.grouping', 'date');
  actions.grouping = context.workspaceState.get<ActionGrouping>('postmortem.actionItems.grouping', 'owner');
  const pmView = vscode.window.createTreeView(POSTMORTEMS_VIEW, { treeDataProvider: postmortems, showCollapseAll: true });
  const aiView = vscode.window.createTreeView(ACTION_ITEMS_VIEW, { treeDataProvider: actions, showCollapseAll: true });
  const describe = () => {
    const st = index.state;
    pmView.message = st.indexing && st.total ? `Indexing post-mortems… ${st.done}/${st.total}` : undefined;
    pmView.description = `${index.list().length}`;
    const items = index.list().flatMap((s) => s.actionItems);
    aiView.description = `${items.filter((a) => a.open).length} open, ${items.filter((a) => a.overdue).length} overdue`;
  };
  index.onDidChange(describe);

  const problems = async (enabled: boolean) => {
    await ready;
    if (!client.isRunning()) return;
    await client.sendRequest(WORKSPACE_PROBLEMS_REQUEST, { enabled });
  };
  const setting = () => vscode.workspace.getConfiguration('postmortem').get<boolean>(PROBLEMS_SETTING, false);
  let problemsOn = setting();
  if (problemsOn) void problems(true);

  const pick = async <T extends string>(options: T[], current: T, placeHolder: string): Promise<T | undefined> =>
    (
      await vscode.window.showQuickPick(
        options.map((o) => ({ label: o, description: o === current ? 'current' : '' })),
        { placeHolder },
      )
    )?.label as T | undefined;

  const disposable = vscode.Disposable.from(
    index,
    pmView,
    aiView,
    vscode.commands.registerCommand('postmortem.postmortems.groupBy', async (choice?: PostmortemGrouping) => {
      const g = choice ?? (await pick<PostmortemGrouping>(['date', 'month', 'severity', 'status'], postmortems.grouping, 'Group post-mortems by'));
      if (!g) return;
      postmortems.grouping = g;
      await context.workspaceState.update('postmortem.postmortems.grouping', g);
      postmortems.refresh();
    }),
    vscode.commands.registerCommand('postmortem.actionItems.groupBy', async (choice?: ActionGrouping) => {
      const g = choice ?? (await pick<ActionGrouping>(['owner', 'status'], actions.grouping, 'Group action items by'));
      if (!g) return;
      actions.grouping = g;
      await context.workspaceState.update('postmortem.actionItems.grouping', g);
      actions.refresh();
    }),
    vscode.commands.registerCommand('postmortem.toggleWorkspaceProblems', async () => {
      problemsOn = !problemsOn;
      await problems(problemsOn);
      if (problemsOn) await vscode.commands.executeCommand('workbench.actions.view.problems');
      void vscode.window.setStatusBarMessage(problemsOn ? 'Postmortem: showing the problems of every post-mortem in the workspace' : 'Postmortem: showing problems of open files only', 4000);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(`postmortem.${PROBLEMS_SETTING}`)) return;
      problemsOn = setting();
      void problems(problemsOn);
    }),
    // A restarted server starts with workspace problems off.
    client.onDidChangeState(() => {
      if (client.isRunning() && problemsOn) void problems(true);
    }),
  );
  return { index, disposable };
}
