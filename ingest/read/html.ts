// An HTML page → its article text and metadata. Main content comes from Mozilla Readability
// over a linkedom DOM; when Readability finds no article the body is read without page chrome.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { publicationDay } from './dates.ts';
import { isWebAddress } from './web-address.ts';
import { domToParagraphs, PAGE_CHROME, type DomNode } from './html-text.ts';

export interface HtmlReport {
  text: string;
  title: string | null;
  publishedAt: string | null;
  source: string | null;
  url: string | null;
}

export function readHtml(html: string): HtmlReport {
  // Metadata and the fallback read the page as written; Readability rewrites the DOM it is
  // given, so it gets a document of its own.
  const page = parsePage(html);
  const meta = pageMetadata(page);
  const article = readArticle(withoutChrome(parsePage(html)));
  const title = meta.title ?? article?.title ?? meta.documentTitle;

  let paragraphs = article ? domToParagraphs(article.content) : [];
  if (paragraphs.length === 0) {
    const body = page.body as unknown as DomNode | null;
    paragraphs = body ? domToParagraphs(body, PAGE_CHROME) : [];
  }
  // The headline leads the text as it does in a plain-text report (and Readability drops it).
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);

  return {
    text: paragraphs.join('\n\n'),
    title,
    publishedAt: meta.publishedAt ?? publicationDay(article?.publishedTime),
    source: meta.source ?? article?.siteName ?? null,
    url: meta.url,
  };
}

/**
 * Navigation never reaches the text: menus, and page headers, footers and sidebars outside the
 * article, are removed before Readability scores the page (on short pages it keeps everything).
 */
function withoutChrome(document: Document): Document {
  const selectors = [
    'nav',
    '[role="navigation"]',
    'script',
    'style',
    'noscript',
    'template',
    'form',
  ];
  for (const el of Array.from(document.querySelectorAll(selectors.join(',')))) el.remove();
  for (const el of Array.from(document.querySelectorAll('header, footer, aside'))) {
    if (!el.parentElement?.closest('article, main')) el.remove();
  }
  return document;
}

// linkedom only builds <html>/<body> for input that has them; a bare fragment is wrapped.
function parsePage(html: string): Document {
  const full = /<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`;
  return parseHTML(full).document as unknown as Document;
}

interface Article {
  title: string | null;
  content: DomNode;
  publishedTime: string | null;
  siteName: string | null;
}

function readArticle(document: Document): Article | null {
  try {
    const parsed = new Readability<DomNode>(document, {
      serializer: (node) => node as unknown as DomNode,
    }).parse();
    if (!parsed?.content) return null;
    return {
      title: clean(parsed.title),
      content: parsed.content,
      publishedTime: parsed.publishedTime ?? null,
      siteName: clean(parsed.siteName),
    };
  } catch {
    // Readability is heuristic code over odd DOMs; a page it cannot handle is read whole instead.
    return null;
  }
}

function pageMetadata(document: Document) {
  const metaContent = (...keys: string[]): string | null => {
    for (const key of keys) {
      for (const el of Array.from(document.querySelectorAll('meta'))) {
        const name =
          el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
        if (name?.toLowerCase() === key) {
          const value = clean(el.getAttribute('content'));
          if (value) return value;
        }
      }
    }
    return null;
  };
  const firstTime = document.querySelector('time[datetime]')?.getAttribute('datetime');
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const documentTitle = clean(document.querySelector('title')?.textContent);
  // "Headline | Site Name": the page's <h1> is the headline when <title> contains it.
  const headline = clean(document.querySelector('h1')?.textContent);
  return {
    title:
      metaContent('og:title', 'twitter:title') ??
      (headline && documentTitle?.includes(headline) ? headline : null),
    documentTitle,
    publishedAt:
      publicationDay(metaContent('article:published_time', 'datepublished', 'date')) ??
      publicationDay(firstTime),
    source: metaContent('og:site_name'),
    url: [metaContent('og:url'), clean(canonical)].find((u) => u && isWebAddress(u)) ?? null,
  };
}

function clean(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}
