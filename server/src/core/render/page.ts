// The HTML page around a rendered body, for the preview and for Insights alike: a strict
// Content-Security-Policy with a nonce, our styles, and our script only from a URI that is one.
import { attrs, esc } from './html';
import { styles } from './styles';

export type RenderMode = 'webview' | 'standalone';

const NONCE = /^[A-Za-z0-9+/=_-]{16,128}$/;
const CSP_TOKEN = /^(?:'self'|[^\s;,'"<>\\]+)$/;

export function makeNonce(): string {
  const bytes = new Uint8Array(18);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
}

/** A CSP source list the client gave us; anything that could end the directive or add another is refused. */
function validCspSource(s: string | undefined): string {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  return tokens.length && tokens.every((t) => CSP_TOKEN.test(t)) ? tokens.join(' ') : '';
}

function validUrl(s: string | undefined): string | null {
  if (!s) return null;
  try {
    const u = new URL(s);
    return /^(?:javascript|data|blob|about):$/i.test(u.protocol) ? null : u.href;
  } catch {
    return null;
  }
}

/** A base URI for relative images: a URL, ending in '/'. */
export function validBase(s: string | undefined): string | null {
  const u = validUrl(s);
  return u === null ? null : u.endsWith('/') ? u : `${u}/`;
}

/** Our script's URI: a web or webview URL, nothing else. */
function validScript(s: string | undefined): string | null {
  const u = validUrl(s);
  return u !== null && /^(?:https?|vscode-[a-z-]+):$/i.test(new URL(u).protocol) ? u : null;
}

/** The Content-Security-Policy: nothing loads but our nonce'd style and script, and images from the
 *  webview's own resource origin (webview) or the page's folder (standalone) and data: URIs. */
export function contentSecurityPolicy(mode: RenderMode, nonce: string, cspSource = ''): string {
  const src = validCspSource(cspSource);
  const base = `default-src 'none'; base-uri 'none'; form-action 'none'`;
  return mode === 'webview'
    ? `${base}; img-src ${src ? `${src} ` : ''}data:; style-src ${src ? `${src} ` : ''}'nonce-${nonce}'; script-src 'nonce-${nonce}'`
    : `${base}; img-src 'self' data:; style-src 'nonce-${nonce}'`;
}

export interface PageParts {
  title: string;
  body: string;
  mode: RenderMode;
  /** Used when well formed; otherwise a fresh one is made. */
  nonce?: string | undefined;
  /** The webview's `cspSource` (webview mode). */
  cspSource?: string | undefined;
  /** Our script (webview mode; without it the page has no script). */
  scriptUri?: string | undefined;
  /** CSS after the shared styles. */
  css?: string;
  /** A class of the page's root besides `pm-<mode>`. */
  rootClass?: string;
  /** The document version the page shows (the webview checks it before swapping). */
  version?: number;
}

export function page(p: PageParts): string {
  const nonce = p.nonce && NONCE.test(p.nonce) ? p.nonce : makeNonce();
  const csp = contentSecurityPolicy(p.mode, nonce, p.cspSource);
  const script = p.mode === 'webview' ? validScript(p.scriptUri) : null;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    p.mode === 'standalone' ? '<meta name="referrer" content="no-referrer">' : '',
    `<title>${esc(p.title)}</title>`,
    `<style nonce="${nonce}">${styles(p.mode)}${p.css ?? ''}</style>`,
    '</head>',
    '<body>',
    `<main id="pm-root"${attrs({ class: p.rootClass ? `${p.rootClass} pm-${p.mode}` : `pm-${p.mode}`, 'data-version': p.version })}>`,
    p.body,
    '</main>',
    script ? `<script nonce="${nonce}" src="${esc(script)}"></script>` : '',
    '</body>',
    '</html>',
    '',
  ]
    .filter((l) => l !== '')
    .join('\n')
    .concat('\n');
}
