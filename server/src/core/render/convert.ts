// Markdown -> HTML through remark-rehype and rehype-sanitize with a strict schema, one piece of the
// document at a time (markdown.ts says which). Raw HTML in the markdown is dropped (only <br> survives,
// as a line break), so the document can never bring its own script, style, frames, forms or event
// handlers; what sanitising leaves is then finished here: source lines for scroll sync, heading texts
// for their anchors, and images that never reach the network.
import { unified } from 'unified';
import remarkRehype from 'remark-rehype';
import rehypeSanitize, { type Options as Schema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import type { Root as MdRoot, Nodes as MdNodes, Parents as MdParents } from 'mdast';
import type { Element, ElementContent, Root, RootContent } from 'hast';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { esc } from './html';

/** Reads a local file (a file: URL) when it is at most `maxBytes` long; null otherwise. Node side only. */
export type ReadResource = (url: string, maxBytes: number) => Uint8Array | null;

export interface BodyOptions {
  mode: 'webview' | 'standalone';
  /** The document's URI, to resolve relative image paths in standalone mode. */
  docUri: string;
  /** Webview URI of the document's folder (ends with '/'); relative images resolve against it. */
  resourceBase?: string | null;
  readResource?: ReadResource;
  /** Parse the document in one piece instead of chunk by chunk (the tests compare the two). */
  wholeDocument?: boolean;
}

/** Images at most this large are inlined as data: URIs in standalone HTML. */
export const MAX_INLINE_IMAGE_BYTES = 512 * 1024;

const IMAGE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
};
const DATA_IMAGE = /^data:image\/(?:png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*$/i;

// Only what markdown itself produces; no style, no id/name an author controls (footnote ids come
// from remark-rehype, already prefixed), links and images limited to http(s) (and data: images).
export const SCHEMA: Schema = {
  tagNames: [
    'a',
    'blockquote',
    'br',
    'code',
    'del',
    'em',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'img',
    'input',
    'li',
    'ol',
    'p',
    'pre',
    'section',
    'span',
    'strong',
    'sup',
    'table',
    'tbody',
    'td',
    'th',
    'thead',
    'tr',
    'ul',
  ],
  attributes: {
    a: ['href', 'title', 'id', 'dataFootnoteRef', 'dataFootnoteBackref', 'ariaDescribedBy', 'ariaLabel', ['className', 'data-footnote-backref']],
    img: ['src', 'alt', 'title'],
    code: [['className', /^language-[\w+#.-]{1,40}$/]],
    input: [['type', 'checkbox'], ['disabled', true], 'checked'],
    li: ['id', ['className', 'task-list-item']],
    ul: [['className', 'contains-task-list']],
    ol: ['start', ['className', 'contains-task-list']],
    th: ['align'],
    td: ['align'],
    h2: ['id', ['className', 'sr-only']],
    section: ['dataFootnotes', ['className', 'footnotes']],
  },
  required: { input: { type: 'checkbox', disabled: true } },
  protocols: { href: ['http', 'https'], src: ['http', 'https', 'data'] },
  ancestors: { tbody: ['table'], td: ['table'], th: ['table'], thead: ['table'], tr: ['table'] },
  clobber: [],
  clobberPrefix: '',
  strip: ['script', 'style'],
};

export const parseChunk = unified().use(remarkParse).use(remarkGfm).freeze();
const toHast = unified().use(remarkRehype).use(rehypeSanitize, SCHEMA).freeze();
const toHtml = unified().use(rehypeStringify).freeze();

/** A rendered piece of markdown: data-line values relative to it, heading texts in order (for their ids). */
export interface Rendered {
  html: string;
  headings: string[];
}

/** Markdown to sanitised HTML; with `accept`, null when what the source parses to is not accepted
 *  (`accept` may also adjust that tree before it is rendered). */
export function renderChunk(source: string, options: BodyOptions): Rendered;
export function renderChunk(source: string, options: BodyOptions, accept: (root: MdRoot) => boolean): Rendered | null;
export function renderChunk(source: string, options: BodyOptions, accept?: (root: MdRoot) => boolean): Rendered | null {
  try {
    const mdast = parseChunk.parse(source) as MdRoot;
    if (accept && !accept(mdast)) return null;
    dropRawHtml(mdast);
    const hast = toHast.runSync(mdast) as Root;
    const headings = finish(hast, options);
    return { html: toHtml.stringify(hast), headings };
  } catch (e) {
    // Nesting thousands deep overflows the stack of the markdown libraries: show that chunk as text.
    if (!(e instanceof RangeError && /call stack/i.test(e.message))) throw e;
    return { html: `<pre data-line="0">${esc(source)}</pre>`, headings: [] };
  }
}

/** `<br>` becomes a line break; every other piece of raw HTML (comments included) is left out. */
function dropRawHtml(node: MdRoot | MdNodes): void {
  if (!('children' in node)) return;
  const parent = node as MdParents;
  const kept: typeof parent.children = [];
  for (const child of parent.children) {
    if (child.type === 'html') {
      if (/^<br\s*\/?>$/i.test(child.value.trim())) kept.push({ type: 'break', ...(child.position ? { position: child.position } : {}) } as never);
      continue;
    }
    dropRawHtml(child);
    kept.push(child as never);
  }
  parent.children = kept;
}

/** Source lines, safe images and link titles; returns the heading texts (ids are given per document). */
function finish(root: Root, options: BodyOptions): string[] {
  const headings: string[] = [];
  for (const child of root.children) if (child.type === 'element') setLine(child);
  const visit = (node: Root | Element, inLink: boolean) => {
    node.children = node.children.flatMap((child): (RootContent | ElementContent)[] => {
      if (child.type !== 'element') return [child];
      if (child.tagName === 'img') return [image(child, options, inLink)];
      if (child.tagName === 'li' || child.tagName === 'tr') setLine(child);
      if (/^h[1-6]$/.test(child.tagName) && child.properties['id'] === undefined && child.position) {
        setLine(child);
        headings.push(textOf(child));
      }
      if (child.tagName === 'a') link(child, options);
      visit(child, inLink || child.tagName === 'a');
      return [child];
    }) as never;
  };
  visit(root, false);
  return headings;
}

function setLine(el: Element): void {
  const line = el.position?.start.line;
  if (line !== undefined) el.properties['dataLine'] = line - 1;
}

function link(a: Element, options: BodyOptions): void {
  const href = a.properties['href'];
  if (typeof href !== 'string') return;
  if (options.mode === 'standalone' && /^https?:/i.test(href)) a.properties['rel'] = ['noopener', 'noreferrer'];
  // Webviews show no status bar: say where a link goes.
  if (a.properties['title'] === undefined && !href.startsWith('#')) a.properties['title'] = href;
}

/** An image that loads only from the webview's resource root or a data: URI; anything else is shown as text. */
function image(img: Element, options: BodyOptions, inLink: boolean): Element {
  const src = typeof img.properties['src'] === 'string' ? img.properties['src'].trim() : '';
  const alt = typeof img.properties['alt'] === 'string' ? img.properties['alt'] : '';
  const keep = (value: string): Element => ({ ...img, properties: { ...img.properties, src: value } });
  if (DATA_IMAGE.test(src)) return keep(src);
  if (/^https?:/i.test(src)) {
    // Loading it would tell a remote host the preview is open: offer the address instead.
    const label: ElementContent[] = [{ type: 'text', value: `🖼 ${alt || 'image'}` }];
    const title = `Remote image, not loaded: ${src}`;
    return inLink
      ? { type: 'element', tagName: 'span', properties: { className: ['pm-remote-image'], title }, children: label }
      : {
          type: 'element',
          tagName: 'a',
          properties: { className: ['pm-remote-image'], href: src, title, rel: options.mode === 'standalone' ? ['noopener', 'noreferrer'] : undefined },
          children: label,
        };
  }
  const local = isPlainRelative(src) ? localImage(src, options) : null;
  if (local) return keep(local);
  return {
    type: 'element',
    tagName: 'span',
    properties: { className: ['pm-missing-image'], title: src ? `Image not shown: ${src}` : 'Image without a source' },
    children: [{ type: 'text', value: `🖼 ${alt || 'image'}` }],
  };
}

/** A path relative to the document: no scheme, not rooted, no backslashes (`//host/x` and `\\host\x` are remote). */
function isPlainRelative(src: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(src);
  } catch {
    return false;
  }
  return [src, decoded].every((s) => s !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(s) && !/^[/\\]/.test(s) && !s.includes('\\'));
}

function localImage(src: string, options: BodyOptions): string | null {
  if (options.mode === 'webview') {
    if (!options.resourceBase) return null;
    try {
      const base = new URL(options.resourceBase);
      const url = new URL(src, base);
      return url.origin === base.origin && url.protocol === base.protocol ? url.href : null;
    } catch {
      return null;
    }
  }
  const inlined = inlineImage(src, options);
  return inlined ?? src; // standalone: a relative path keeps working next to the document
}

function inlineImage(src: string, options: BodyOptions): string | null {
  if (!options.readResource) return null;
  let url: URL;
  try {
    url = new URL(src, options.docUri);
  } catch {
    return null;
  }
  const type = IMAGE_TYPES[/\.([a-z0-9]+)$/i.exec(url.pathname)?.[1]?.toLowerCase() ?? ''];
  if (url.protocol !== 'file:' || !type) return null;
  let bytes: Uint8Array | null;
  try {
    bytes = options.readResource(url.href, MAX_INLINE_IMAGE_BYTES);
  } catch {
    return null;
  }
  if (!bytes || bytes.length > MAX_INLINE_IMAGE_BYTES) return null;
  return `data:${type};base64,${base64(bytes)}`;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function textOf(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}
