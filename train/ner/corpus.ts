// Readers that turn each entity corpus into sentences of words with BIO tags over PER/ORG/LOC.
// Other names (UNER's OTH, Wikigold's MISC, GUM's named events, objects, …) become MISC, which the
// recognizer learns and never returns; what is not a name becomes O.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EntitySentence } from '../../ingest/nlp/entities.ts';
import { readLexicon } from '../../ingest/nlp/entity-lexicon.ts';

/** A sentence as read, before training: EntitySentence with arrays still being filled. */
export type TaggedSentence = EntitySentence & { words: string[]; tags: string[] };

/** Title words as the recognizer's lexicon has them, not the live gazetteers: the training data
 * must not change when those are edited, or `npm run train` would not reproduce the weights. */
let lexiconTitles: ReadonlySet<string> | null = null;
const isTitle = (word: string): boolean =>
  (lexiconTitles ??= readLexicon().titles).has(word.toLowerCase());

const KEEP = new Set(['PER', 'ORG', 'LOC', 'MISC']);
const TYPE_OF: Record<string, string> = { OTH: 'MISC' };

/**
 * CoNLL-style columns: UNER's index, word, tag (B-PER, I-LOC, B-OTH, O), … or two columns word,
 * tag (IOB1 or IOB2); "#" lines are comments, and "-DOCSTART-" lines are dropped.
 */
export function readIob2(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  let cur: TaggedSentence = { words: [], tags: [] };
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.startsWith('-DOCSTART-')) continue;
    if (!line.trim()) {
      if (cur.words.length) out.push(cur);
      cur = { words: [], tags: [] };
      continue;
    }
    // UNER: index, word, tag, …; two-column files (Wikigold, BTC): word, tag.
    const cols = line.split(/\t| /);
    const [word, tag] = cols.length === 2 ? cols : [cols[1], cols[2]];
    if (!word) continue; // a stray line without a word
    const type = TYPE_OF[tag?.slice(2) ?? ''] ?? tag?.slice(2) ?? '';
    cur.words.push(word);
    cur.tags.push(KEEP.has(type) && /^[BI]-/.test(tag) ? `${tag[0]}-${type}` : 'O');
  }
  if (cur.words.length) out.push(cur);
  // A tag whose B was an unkept type must not continue a kept one: I- after O becomes B-.
  for (const s of out)
    for (let i = 0; i < s.tags.length; i++)
      if (s.tags[i][0] === 'I' && (i === 0 || s.tags[i - 1].slice(2) !== s.tags[i].slice(2)))
        s.tags[i] = 'B' + s.tags[i].slice(1);
  return out;
}

const GUM_TYPES: Record<string, string> = { person: 'PER', organization: 'ORG', place: 'LOC' };
const NAME_INNER = new Set(['PROPN', 'ADP', 'DET', 'CCONJ', 'NUM', 'PUNCT']);

interface GumToken {
  word: string;
  upos: string;
}

/**
 * GUM marks every mention (named or not) of every entity in MISC `Entity=` brackets. A mention is
 * a named entity when, without a leading determiner, leading titles or trailing punctuation and
 * possessive, it starts and ends with a proper noun and holds only name-like words between.
 * The outermost such mention wins.
 */
export function readGum(text: string): TaggedSentence[] {
  const out: TaggedSentence[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const toks: GumToken[] = [];
    const mentions: { type: string; first: number; last: number }[] = [];
    const open = new Map<string, { type: string; first: number }[]>();
    for (const line of block.split('\n')) {
      if (!line || line.startsWith('#')) continue;
      const cols = line.split('\t');
      if (cols.length < 10 || !/^\d+$/.test(cols[0])) continue; // skip multiword ranges and empty nodes
      const i = toks.length;
      toks.push({ word: cols[1], upos: cols[3] });
      const entity = cols[9].split('|').find((m) => m.startsWith('Entity='));
      if (!entity) continue;
      const value = entity.slice('Entity='.length);
      // Openings "(12-person-…" (closed at once when followed by ")"), closings "12)".
      const re = /\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g;
      for (let m = re.exec(value); m; m = re.exec(value)) {
        if (m[1]) {
          if (m[3]) mentions.push({ type: m[2], first: i, last: i + 1 });
          else {
            const stack = open.get(m[1]) ?? [];
            stack.push({ type: m[2], first: i });
            open.set(m[1], stack);
          }
        } else if (m[4]) {
          const o = open.get(m[4])?.pop();
          if (o) mentions.push({ type: o.type, first: o.first, last: i + 1 });
        }
      }
    }
    if (!toks.length) continue;
    const tags = new Array<string>(toks.length).fill('O');
    const named: { type: string; first: number; last: number }[] = [];
    for (const m of mentions) {
      const type = GUM_TYPES[m.type] ?? 'MISC';
      let { first, last } = m;
      while (first < last && (toks[first].upos === 'DET' || isTitle(toks[first].word))) first++;
      while (last > first && (toks[last - 1].upos === 'PUNCT' || toks[last - 1].upos === 'PART'))
        last--;
      if (first >= last) continue;
      if (toks[first].upos !== 'PROPN' || toks[last - 1].upos !== 'PROPN') continue;
      if (!toks.slice(first, last).every((t) => NAME_INNER.has(t.upos))) continue;
      named.push({ type, first, last });
    }
    // Outermost first: longer spans claim their tokens before the mentions nested in them.
    named.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
    for (const m of named) {
      if (tags.slice(m.first, m.last).some((t) => t !== 'O')) continue;
      for (let j = m.first; j < m.last; j++) tags[j] = (j === m.first ? 'B-' : 'I-') + m.type;
    }
    out.push({ words: toks.map((t) => t.word), tags });
  }
  return out;
}

// re3d: documents with character-offset entities. Its annotators also marked common nouns
// ("mourners" as an organisation); only capitalised names are kept, without a leading "the".
const RE3D_TYPES: Record<string, string> = { Person: 'PER', Organisation: 'ORG', Location: 'LOC' };
const NAME_WORD = /^(?:[A-Z0-9]|of$|and$|the$|for$|de$|al$|-$|&$|'s$|’s$)/;

/** Words with their offsets: runs of letters/digits (with inner . ' - &), or single symbols. */
export function simpleTokens(text: string): { text: string; start: number; end: number }[] {
  const out: { text: string; start: number; end: number }[] = [];
  const re = /(?:[A-Z]\.){2,}|[\p{L}\p{N}]+(?:[-.'’&][\p{L}\p{N}]+)*|\S/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0];
    // Split a possessive off, as UD tokenization does.
    const poss = /^(.+?)(['’]s)$/u.exec(w);
    if (poss) {
      out.push({ text: poss[1], start: m.index, end: m.index + poss[1].length });
      out.push({ text: poss[2], start: m.index + poss[1].length, end: m.index + w.length });
    } else out.push({ text: w, start: m.index, end: m.index + w.length });
  }
  return out;
}

export function readRe3d(documentsJson: string, entitiesJson: string): TaggedSentence[] {
  const lines = (s: string): Record<string, unknown>[] =>
    s
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  const byDoc = new Map<string, { begin: number; end: number; type: string; value: string }[]>();
  for (const e of lines(entitiesJson)) {
    const type = RE3D_TYPES[e.type as string];
    if (!type) continue;
    const list = byDoc.get(e.documentId as string) ?? [];
    list.push({ begin: e.begin as number, end: e.end as number, type, value: e.value as string });
    byDoc.set(e.documentId as string, list);
  }
  const out: TaggedSentence[] = [];
  for (const d of lines(documentsJson)) {
    const text = d.text as string;
    const toks = simpleTokens(text);
    const tags = new Array<string>(toks.length).fill('O');
    const ents = (byDoc.get(d._id as string) ?? []).sort(
      (a, b) => b.end - b.begin - (a.end - a.begin),
    );
    for (const e of ents) {
      let idx = toks
        .map((t, i) => i)
        .filter((i) => toks[i].start >= e.begin && toks[i].end <= e.end);
      while (idx.length && /^(the|The|a|an)$/.test(toks[idx[0]].text)) idx = idx.slice(1);
      if (!idx.length || !/^[A-Z]/.test(toks[idx[0]].text)) continue;
      if (!idx.every((i) => NAME_WORD.test(toks[i].text))) continue;
      if (idx.some((i) => tags[i] !== 'O')) continue;
      idx.forEach((i, k) => (tags[i] = (k === 0 ? 'B-' : 'I-') + e.type));
    }
    // Sentences: a token ending in . ! ? closes one when a capital or quote follows.
    let from = 0;
    for (let i = 0; i < toks.length; i++) {
      const end =
        /^[.!?]$/.test(toks[i].text) &&
        (i + 1 === toks.length || /^[A-Z"“]/.test(toks[i + 1].text));
      if (end || i + 1 === toks.length) {
        out.push({
          words: toks.slice(from, i + 1).map((t) => t.text),
          tags: tags.slice(from, i + 1),
        });
        from = i + 1;
      }
    }
  }
  return out;
}

/** Honorifics and offices some corpora put inside a person's span ("Mr Johnson", "President
 * Obama", "Prime Minister Theresa May") and UNER, the test sets, leaves out. */
const HONORIFIC =
  /^(?:Mr|Mrs|Ms|Dr|Sen|Sir|Lord|Lady|Pope|King|Queen|President|Senator|Governor|Minister|Prime|Secretary|Chancellor)\.?$/;

/** Moves a leading honorific (and a following "Minister") out of each PER span, in place. */
export function stripHonorifics(s: TaggedSentence): TaggedSentence {
  for (let i = 0; i < s.tags.length; i++) {
    if (s.tags[i] !== 'B-PER') continue;
    let j = i;
    while (j < s.tags.length && (j === i || s.tags[j] === 'I-PER') && HONORIFIC.test(s.words[j]))
      s.tags[j++] = 'O';
    if (j > i && s.tags[j] === 'I-PER') s.tags[j] = 'B-PER';
  }
  return s;
}

/**
 * Every file of a fetched source (train/data/ner/<name>/…), read by its format. Sentences whose
 * entities are Twitter handles or hashtags (BTC: "@ kumitaguchi" as two people) are left out.
 */
export function readSource(
  dataDir: string,
  name: string,
  format: 'iob2' | 'gum' | 're3d',
): TaggedSentence[] {
  const dir = join(dataDir, name);
  const files = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)],
    );
  return readFiles(files(dir).sort(), format).map(stripHonorifics);
}

function readFiles(all: string[], format: 'iob2' | 'gum' | 're3d'): TaggedSentence[] {
  if (format === 'iob2')
    return all
      .flatMap((f) => readIob2(readFileSync(f, 'utf8')))
      .filter((s) => !s.words.some((w, i) => s.tags[i] !== 'O' && /^[@#]/.test(w)));
  if (format === 'gum') return all.flatMap((f) => readGum(readFileSync(f, 'utf8')));
  return all
    .filter((f) => f.endsWith('documents.json'))
    .flatMap((f) =>
      readRe3d(
        readFileSync(f, 'utf8'),
        readFileSync(f.replace(/documents\.json$/, 'entities.json'), 'utf8'),
      ),
    );
}
