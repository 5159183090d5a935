// One outline. VS Code's built-in markdown support already lists every heading (outline and
// breadcrumbs); the server's tree repeats them, so VS Code showed each heading twice. Here the
// server's outline keeps only what the built-in one lacks: timeline entries and action items,
// each saying which section holds it. Other editors get the server's full tree.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';

const BUILT_IN_MARKDOWN = 'vscode.markdown-language-features';

type Symbols = vscode.DocumentSymbol[] | vscode.SymbolInformation[] | null | undefined;

export const outlineMiddleware: Pick<Middleware, 'provideDocumentSymbols'> = {
  async provideDocumentSymbols(document, token, next) {
    const symbols = await next(document, token);
    // Only while the built-in outline runs: otherwise ours is the only one and keeps the headings.
    return vscode.extensions.getExtension(BUILT_IN_MARKDOWN)?.isActive ? withoutHeadings(symbols) : symbols;
  },
};

export function withoutHeadings(symbols: Symbols): Symbols {
  if (!symbols?.length || !(symbols[0] instanceof vscode.DocumentSymbol)) return symbols;
  const out: vscode.DocumentSymbol[] = [];
  const walk = (list: vscode.DocumentSymbol[], section: string) => {
    for (const s of list) {
      if (s.kind === vscode.SymbolKind.Namespace) {
        walk(s.children, s.name);
        continue;
      }
      if (section) s.detail = s.detail ? `${s.detail} · ${section}` : section;
      out.push(s);
    }
  };
  walk(symbols as vscode.DocumentSymbol[], '');
  return out;
}
