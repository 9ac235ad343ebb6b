// Visible prose of a DOM subtree, one block per paragraph. Only text nodes are read, so markup,
// attributes (onerror=…, href="javascript:…") and anything inside script-like elements are dropped.

/** Elements whose content is never report prose. */
const SKIPPED = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'CANVAS',
  'MATH',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'INPUT',
  'TEXTAREA',
  'FORM',
  'NAV',
  'IMG',
  'PICTURE',
  'VIDEO',
  'AUDIO',
]);

/** Page chrome: skipped as well when no main content was found and the whole body is read. */
export const PAGE_CHROME = new Set(['HEADER', 'FOOTER', 'ASIDE', 'MENU', 'DIALOG']);

const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BODY',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'THEAD',
  'TFOOT',
  'TR',
  'UL',
  'HEADER',
  'FOOTER',
  'ASIDE',
  'BR',
]);

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** The minimal DOM surface read here; linkedom's and the browser's nodes both fit it. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

export function domToParagraphs(root: DomNode, skip: ReadonlySet<string> = new Set()): string[] {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = current.replace(/\s+/g, ' ').trim();
    if (paragraph) paragraphs.push(paragraph);
    current = '';
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === TEXT_NODE) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== ELEMENT_NODE && node.nodeType !== 9 && node.nodeType !== 11) return;
    const name = node.nodeName.toUpperCase();
    if (SKIPPED.has(name) || skip.has(name)) return;
    const block = BLOCKS.has(name);
    if (block) flush();
    // Table cells run together otherwise: "Russia" + "Ukraine" → "RussiaUkraine".
    if (name === 'TD' || name === 'TH') current += ' ';
    for (let i = 0; i < node.childNodes.length; i++) walk(node.childNodes[i]);
    if (block) flush();
  };
  walk(root);
  flush();
  return paragraphs;
}
