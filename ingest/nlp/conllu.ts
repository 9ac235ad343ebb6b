// CoNLL-U reader for training and evaluation (Universal Dependencies treebanks).
// Multiword-token ranges (don't = do + n't) are read as their words, which is what the tagger
// and parser see; empty nodes (enhanced graphs, "8.1") are skipped.
import type { Upos } from './types.ts';

export interface GoldWord {
  form: string;
  lemma: string;
  upos: Upos;
  head: number; // 0-based, -1 root
  deprel: string;
}

export interface GoldSentence {
  id: string;
  text: string;
  words: GoldWord[];
}

export function parseConllu(source: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  let words: GoldWord[] = [];
  let id = '';
  let text = '';
  const flush = () => {
    if (words.length) out.push({ id, text, words });
    words = [];
    id = '';
    text = '';
  };
  for (const raw of source.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '') {
      flush();
      continue;
    }
    if (line.startsWith('#')) {
      const m = /^#\s*(sent_id|text)\s*=\s?(.*)$/.exec(line);
      if (m?.[1] === 'sent_id') id = m[2];
      else if (m?.[1] === 'text') text = m[2];
      continue;
    }
    const f = line.split('\t');
    if (f.length !== 10) throw new Error(`CoNLL-U: expected 10 columns, got ${f.length}: ${line}`);
    if (f[0].includes('-') || f[0].includes('.')) continue;
    words.push({
      form: f[1],
      lemma: f[2],
      upos: f[3] as Upos,
      head: Number(f[6]) - 1,
      deprel: f[7],
    });
  }
  flush();
  return out;
}
