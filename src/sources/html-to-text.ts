import { parseHTML } from 'linkedom';

/**
 * The few DOM members entente reads; linkedom's nodes satisfy it. Keeping our own shape
 * means the project needs no DOM lib types and can swap the parser.
 *
 * @example
 * const root = parseHTML(html).document.body as DomNode;
 */
export interface DomNode {
  readonly nodeType: number;
  readonly localName?: string;
  readonly childNodes: ArrayLike<DomNode>;
  readonly textContent: string | null;
}

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

// prettier-ignore
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details',
  'dialog', 'div', 'dl', 'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul',
]);
const CELL = new Set(['td', 'th']);
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'svg',
  'iframe',
  'object',
  'button',
  'select',
]);
// A line break inside a paragraph survives whitespace collapsing under this stand-in.
const BREAK = '\u0000';

/**
 * Visible text of a DOM subtree as paragraphs separated by blank lines, so the cleaner and
 * sentence splitter see the page's block structure. Whitespace inside a paragraph is
 * collapsed the way a browser renders it; `<br>` becomes a single newline.
 *
 * @example
 * blockText(parseHTML('<html><body><p>One</p><p>Two</p></body></html>').document.body); // 'One\n\nTwo'
 */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = (): void => {
    if (current === '') return;
    const lines = current
      .split(BREAK)
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter((l) => l !== '');
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    current = '';
  };
  const walk = (node: DomNode): void => {
    if (node.nodeType === TEXT_NODE) {
      current += node.textContent ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE) return;
    const tag = (node.localName ?? '').toLowerCase();
    if (SKIP.has(tag)) return;
    if (tag === 'br') {
      current += BREAK;
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]!);
    if (block) flush();
    else if (CELL.has(tag)) current += ' ';
  };
  walk(root);
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Text of an HTML fragment (a feed item's description, say), entities decoded.
 *
 * @example
 * htmlFragmentToText('<p>Talks in Vienna &amp; Geneva</p><p>More soon</p>'); // 'Talks in Vienna & Geneva\n\nMore soon'
 */
export function htmlFragmentToText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  const body = document.body as DomNode | null;
  return body ? blockText(body) : '';
}

/**
 * linkedom only builds `document.body` when the markup has one; Readability and the text
 * walker both need it, so missing `<html>`/`<body>` tags are supplied.
 *
 * @example
 * ensureBody('<p>Hi</p>'); // '<!doctype html><html><head></head><body><p>Hi</p></body></html>'
 */
export function ensureBody(html: string): string {
  if (/<body[\s>]/i.test(html)) return html;
  const withoutDoctype = html.replace(/^\s*<!doctype[^>]*>/i, '');
  const inner = withoutDoctype.replace(/<\/?html[^>]*>/gi, '');
  const headEnd = /<\/head\s*>/i.exec(inner);
  if (headEnd) {
    const cut = headEnd.index + headEnd[0].length;
    return `<!doctype html><html>${inner.slice(0, cut)}<body>${inner.slice(cut)}</body></html>`;
  }
  // Without a <head>, leading head-only elements (title, meta, ...) still belong there.
  const headPart = LEADING_HEAD_ELEMENTS.exec(inner)?.[0] ?? '';
  return `<!doctype html><html><head>${headPart}</head><body>${inner.slice(headPart.length)}</body></html>`;
}

const LEADING_HEAD_ELEMENTS =
  /^(?:\s+|<!--[\s\S]*?-->|<title[^>]*>[\s\S]*?<\/title\s*>|<(?:meta|link|base)\b[^>]*>|<(?:style|script)\b[^>]*>[\s\S]*?<\/(?:style|script)\s*>|<head\b[^>]*>)*/i;
