// The field's dictionaries as lookups (data and attribution in this folder, built by
// train/dictionaries/convert.ts): CAMEO verb patterns coded as PLOVER categories, and Phoenix
// agent nouns as sectors. Loaded once per process on first use.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isPloverCategory, type PloverCategory } from '../../../domain/index.ts';

/** One CAMEO verb pattern in the compact format (see train/dictionaries/README.md). */
export interface Pattern {
  /** Words before the verb (in its subject), rarely used. */
  b?: string[];
  /** Words after the verb, in order, within its phrase. */
  a: string[];
  /** PLOVER category and mode. */
  t: string;
  m?: string;
  /** The CAMEO code, for tracing a coding back to the dictionary. */
  c: string;
}
/** A block of synonymous verbs sharing patterns and a default coding. */
export interface Block {
  name: string;
  default: Pattern | null;
  patterns: Pattern[];
}
interface VerbDictionary {
  sets: Record<string, string[]>;
  lemmas: Record<string, number>;
  forms: Record<string, string>;
  blocks: Block[];
}

export interface Coding {
  type: PloverCategory;
  mode: string | null;
  /** The CAMEO code of the pattern or block default that matched. */
  cameo: string;
  /** A pattern with words matched (not only the verb's default). */
  specific: boolean;
}

/** A word of the verb's phrase: its lower-case form and lemma. */
export interface Word {
  lower: string;
  lemma: string;
}

const here = dirname(fileURLToPath(import.meta.url));
let verbs: (VerbDictionary & { setWords: Map<string, Set<string>> }) | null = null;
let agents: Record<string, string> | null = null;

function load(file: string): unknown {
  const path = join(here, 'data', file);
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new Error(
      `cannot read the dictionary ${path} (${(e as Error).message}); rebuild it with npx tsx train/dictionaries/convert.ts`,
      { cause: e },
    );
  }
}

function verbDictionary() {
  if (!verbs) {
    const d = load('cameo-verbs.json') as VerbDictionary;
    const setWords = new Map(Object.entries(d.sets).map(([k, v]) => [k, new Set(v)]));
    verbs = { ...d, setWords };
  }
  return verbs;
}

/** The verb a (possibly irregular) form belongs to, if the dictionary knows it. */
export function cameoLemma(form: string, lemma: string): string | null {
  const d = verbDictionary();
  if (d.lemmas[lemma] !== undefined) return lemma;
  if (d.lemmas[form] !== undefined) return form;
  return d.forms[form] ?? null;
}

function wordMatches(p: string, w: Word, sets: Map<string, Set<string>>): boolean {
  if (p.startsWith('&')) {
    const set = sets.get(p);
    return !!set && (set.has(w.lower) || set.has(w.lemma) || set.has(w.lower.replace(/s$/, '')));
  }
  if (p === w.lower || p === w.lemma) return true;
  // Most pattern nouns are singular; unmarked stems ("violat") match as prefixes.
  return (p.length >= 5 && w.lower.startsWith(p)) || w.lower === `${p}s` || w.lower === `${p}es`;
}

/** Do the words of a pattern occur in order in `words`, with few words between them? */
function inOrder(pattern: string[], words: Word[], sets: Map<string, Set<string>>): boolean {
  let j = 0;
  let gaps = 0;
  for (const p of pattern) {
    while (j < words.length && !wordMatches(p, words[j], sets)) {
      j++;
      if (++gaps > 3 + pattern.length) return false;
    }
    if (j >= words.length) return false;
    j++;
  }
  return true;
}

function coding(p: Pattern, specific: boolean): Coding | null {
  if (!isPloverCategory(p.t)) return null;
  return { type: p.t, mode: p.m ?? null, cameo: p.c, specific };
}

/**
 * The PLOVER coding of a verb from its CAMEO patterns: `after` are the words of the verb's own
 * phrase after it (objects, prepositional phrases), `before` the words of its subject. The most
 * specific pattern wins; `withDefault` falls back to the block's default coding.
 */
export function cameoCoding(
  lemma: string,
  after: Word[],
  before: Word[] = [],
  withDefault = false,
): Coding | null {
  const d = verbDictionary();
  const b = d.blocks[d.lemmas[lemma] ?? -1];
  if (!b) return null;
  for (const p of b.patterns) {
    if (p.b && !inOrder(p.b, before, d.setWords)) continue;
    if (inOrder(p.a, after, d.setWords)) return coding(p, true);
  }
  return withDefault && b.default ? coding(b.default, false) : null;
}

/** The CAMEO name of the block a verb belongs to ("blame" for accuse, condemn …). */
export function cameoBlock(lemma: string): string | null {
  const d = verbDictionary();
  return d.blocks[d.lemmas[lemma] ?? -1]?.name ?? null;
}

/**
 * The Phoenix agent code of a noun phrase ("riot police" → COP, "rebels" → REB), trying the
 * whole phrase, then shorter endings ("Sudanese army officers" → "army officer").
 */
export function agentCode(words: string[]): string | null {
  agents ??= load('phoenix-agents.json') as Record<string, string>;
  const lower = words.map((w) => w.toLowerCase());
  for (let i = 0; i < lower.length; i++) {
    const phrase = lower.slice(i).join(' ');
    const hit =
      agents[phrase] ??
      agents[phrase.replace(/ies$/, 'y')] ??
      agents[phrase.replace(/es$/, '')] ??
      agents[phrase.replace(/s$/, '')];
    if (hit) return hit;
  }
  return null;
}

/** The sector of an agent code: its first three letters ("GOVMIL" → GOV). */
export const sectorOf = (code: string): string => code.slice(0, 3);
