// Markdown → plain prose, so that sentence offsets point into clean text: headings, emphasis,
// links, images, lists and quotes keep their words and lose their markup. Blocks are separated
// by a blank line; the soft-wrapped lines of a paragraph are joined with a space.

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]+(.*))?$/;
const CLOSING_HASHES = /(?:^|[ \t]+)#+$/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^\]]+\]:[ \t]*\S+/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$/;

export function markdownToText(markdown: string): string {
  const blocks: string[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length > 0) blocks.push(paragraph.join(' '));
    paragraph = [];
  };

  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];

    const fence = FENCE.exec(line);
    if (fence) {
      // Code is kept verbatim, line by line, without the fences.
      endParagraph();
      const code: string[] = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence[1]); i++) {
        code.push(lines[i]);
      }
      if (code.some((l) => l.trim())) blocks.push(code.join('\n'));
      continue;
    }

    while (BLOCKQUOTE.test(line)) line = line.replace(BLOCKQUOTE, '');

    if (line.trim() === '' || REFERENCE_DEFINITION.test(line) || TABLE_DELIMITER.test(line)) {
      endParagraph();
      continue;
    }
    if (paragraph.length > 0 && SETEXT_UNDERLINE.test(line)) {
      endParagraph(); // the paragraph just closed was a heading
      continue;
    }
    if (THEMATIC_BREAK.test(line)) {
      endParagraph();
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      endParagraph();
      const title = inlineToText((heading[1] ?? '').trimEnd().replace(CLOSING_HASHES, ''));
      if (title) blocks.push(title);
      continue;
    }
    if (LIST_ITEM.test(line)) {
      // Each item is its own block: items are rarely one sentence running across bullets.
      endParagraph();
      const words = inlineToText(line.replace(LIST_ITEM, ''));
      if (words) paragraph.push(words);
      continue;
    }
    if (line.trimStart().startsWith('|')) {
      endParagraph();
      blocks.push(tableRowToText(line));
      continue;
    }
    const words = inlineToText(line);
    if (words) paragraph.push(words);
  }
  endParagraph();
  return blocks.filter((b) => b.trim()).join('\n\n');
}

/**
 * Inline markup → its words. Code spans and backslash escapes are set aside first, so that
 * what they contain is not mistaken for markup. No pattern may scan past the next opening
 * delimiter, so a 5 MB line of unclosed brackets costs linear, not quadratic, time.
 */
export function inlineToText(line: string): string {
  const literals: string[] = [];
  const keep = (literal: string) => {
    literals.push(literal);
    return `\u0000${literals.length - 1}\u0000`;
  };
  let text = line
    .replace(/(`+)([^`]+)\1/g, (_m, _ticks: string, code: string) => keep(code.trim()))
    .replace(/\\([!-/:-@[-`{-~])/g, (_m, char: string) => keep(char));
  text = removeSpans(text, /<!--/g, () => /-->/g);
  text = removeSpans(text, /<(script|style)\b/gi, (tag) => new RegExp(`</${tag}\\s*>`, 'gi'));
  text = text
    .replace(/!\[[^[\]]*\](?:\([^()]*\)|\[[^[\]]*\])/g, '') // images are not prose
    .replace(/\[([^[\]]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1') // [text](url "title")
    .replace(/\[([^[\]]+)\]\[[^[\]]*\]/g, '$1') // [text][ref]
    .replace(/<((?:https?|mailto):[^>\s]+)>/gi, '$1') // autolinks keep the address
    .replace(/<\/?[A-Za-z][^<>]*>/g, '') // raw inline HTML tags
    .replace(/\*\*(?=\S)((?:[^*]|\*(?!\*))*?\S)\*\*/g, '$1')
    .replace(/__(?=\S)((?:[^_]|_(?!_))*?\S)__/g, '$1')
    .replace(/(^|[^\p{L}\p{N}*])\*(?=\S)([^*]*?\S)\*/gu, '$1$2')
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/~~(?=\S)((?:[^~]|~(?!~))*?\S)~~/g, '$1')
    .replace(/[ \t]{2,}/g, ' ')
    .trim();
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => literals[Number(n)]);
}

/**
 * Removes each span from an opening match to its closing pattern (comments, script blocks).
 * An opening without a close is left as it is, and the search stops there.
 */
function removeSpans(text: string, open: RegExp, close: (opened: string) => RegExp): string {
  let result = '';
  let from = 0;
  for (let start = open.exec(text); start; start = open.exec(text)) {
    const end = close(start[1] ?? '');
    end.lastIndex = start.index + start[0].length;
    const closed = end.exec(text);
    if (!closed) break;
    result += text.slice(from, start.index);
    from = end.lastIndex;
    open.lastIndex = from;
  }
  return result + text.slice(from);
}

function tableRowToText(line: string): string {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split('|')
    .map((cell) => inlineToText(cell.trim()))
    .filter(Boolean)
    .join('; ');
}
