// The one DOM helper: builds elements from plain data. Text always goes through textContent,
// never innerHTML, so report text can never become markup.

export type Child = Node | string | number | null | undefined | false;
type Handler = (ev: Event) => void;

export interface Attrs {
  class?: string;
  text?: string;
  title?: string;
  style?: Partial<Record<string, string>>;
  dataset?: Record<string, string>;
  on?: Record<string, Handler>;
  [attr: string]: unknown;
}

const SAFE_ATTR =
  /^(aria-[a-z-]+|role|id|type|value|placeholder|name|for|tabindex|disabled|checked|hidden|href|download|accept|min|max|step|spellcheck|autocomplete|width|height|viewBox|d|x|y|x1|x2|y1|y2|rx|fill|stroke|stroke-width|selected|colspan|multiple|open)$/;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg(tag: string, attrs: Attrs = {}, children: Child[] = []): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  applyAttrs(node, attrs);
  append(node, children);
  return node;
}

function applyAttrs(node: Element, attrs: Attrs): void {
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.setAttribute('class', String(value));
    else if (key === 'text') node.textContent = String(value);
    else if (key === 'style') {
      for (const [p, v] of Object.entries(value as Record<string, string>)) {
        (node as HTMLElement).style.setProperty(p, v);
      }
    } else if (key === 'dataset') {
      for (const [d, v] of Object.entries(value as Record<string, string>)) {
        (node as HTMLElement).dataset[d] = v;
      }
    } else if (key === 'on') {
      for (const [ev, fn] of Object.entries(value as Record<string, Handler>)) {
        node.addEventListener(ev, fn);
      }
    } else if (SAFE_ATTR.test(key)) {
      // Only our own URLs go into href: never a value from a report.
      if (key === 'href' && !/^(\/|\.\/|#|blob:|\?)/.test(String(value))) continue;
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

export function append(node: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    node.appendChild(
      typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c,
    );
  }
}

/** Replaces a container's content. */
export function mount(container: Element, children: Child[]): void {
  container.replaceChildren();
  append(container, children);
}
