// Converts the event-data field's dictionaries into Parley's compact JSON (see README.md here):
//   - PETRARCH2's CAMEO verb-pattern dictionary (CAMEO.2.0.txt, MIT), each CAMEO code mapped to a
//     PLOVER category and mode with the PLOVER project's CAMEO2PLOVER-2021.txt (CC BY-SA 4.0);
//   - PETRARCH2's Phoenix agents dictionary (Phoenix.agents.txt, MIT): nouns → sector codes.
//
//   npx tsx train/dictionaries/convert.ts [SOURCE_DIR]   (default train/data/dictionaries)
//
// SOURCE_DIR holds the three source files (see README.md for the commits they come from).
// The output goes to ingest/extract/dictionaries/data/ and is committed; the sources are not.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Block } from '../../ingest/extract/dictionaries/index.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sourceDir = resolve(process.argv[2] ?? join(root, 'train/data/dictionaries'));
const outDir = join(root, 'ingest/extract/dictionaries/data');

/** CAMEO code → [PLOVER category, mode]; the longest listed prefix of a code decides. */
function readCameoToPlover(text: string): Map<string, [string, string | null]> {
  const out = new Map<string, [string, string | null]>();
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*/, '').trim();
    const m = line.match(/^(\d{2,4}):\s*([A-Z]+)\s*(?:,\s*([^,]*))?/);
    if (!m) continue;
    const mode = (m[3] ?? '').trim();
    out.set(m[1], [m[2], mode || null]);
  }
  // The 2021 table starts at CAMEO 03. CAMEO 02 ("appeal for …") is PLOVER's REQUEST in the PLOVER
  // manual; CAMEO 01 (public statements) are statements in Parley, not events.
  out.set('02', ['REQUEST', null]);
  return out;
}

function ploverOf(
  table: Map<string, [string, string | null]>,
  code: string,
): [string, string | null] | null {
  const c = code.split(':')[0].replace(/[^0-9]/g, '');
  if (!c || c.startsWith('01') || c === '00') return null;
  for (let n = c.length; n >= 2; n--) {
    const hit = table.get(c.slice(0, n));
    if (hit) return hit;
  }
  return null;
}

/** A pattern word as Parley matches it: lower case, "_" joins dropped; "&SET" kept as a set reference. */
const word = (w: string): string => w.toLowerCase().replace(/_+$/, '').replace(/_/g, ' ');

/**
 * One pattern line `- BEFORE * AFTER [code] # comment` → the words before and after the verb.
 * Brackets of noun phrases `{…}` and prepositional phrases `(…)` only group; the markers of
 * source `$`, target `+`, compound `%`, skip `^` and alternative `|` carry no words.
 */
function patternWords(body: string): { before: string[]; after: string[] } | null {
  const parts = body.split('*');
  if (parts.length !== 2) return null;
  const words = (s: string) =>
    s
      .replace(/[{}()]/g, ' ')
      .split(/\s+/)
      .filter((w) => w && !/^[$+%^|!]+$/.test(w))
      .map((w) => w.replace(/^[$+%^]+/, ''))
      .filter((w) => /^&?[A-Za-z][A-Za-z_'-]*$/.test(w))
      .map(word);
  return { before: words(parts[0]), after: words(parts[1]) };
}

function convertVerbs(text: string, table: Map<string, [string, string | null]>) {
  const sets: Record<string, string[]> = {};
  const lemmas: Record<string, number> = {};
  const forms: Record<string, string> = {};
  const blocks: Block[] = [];
  let section: 'none' | 'sets' | 'verbs' = 'none';
  let set: string | null = null;
  let block: (typeof blocks)[number] | null = null;
  let dropped = 0;
  for (const raw of text.split('\n')) {
    if (raw.startsWith('####### SYNONYM')) section = 'sets';
    else if (raw.startsWith('####### VERB')) section = 'verbs';
    const line = raw.replace(/#.*/, '').trimEnd();
    if (!line.trim()) continue;
    if (section === 'sets') {
      if (line.startsWith('&')) {
        set = line.trim().replace(/_+$/, '').toLowerCase();
        sets[set] = [];
      } else if (set && line.startsWith('+')) sets[set].push(word(line.slice(1).trim()));
      continue;
    }
    if (section !== 'verbs') continue;
    const head = line.match(/^---\s+(\S+)\s+\[([^\]]*)\]\s+---/);
    if (head) {
      const p = ploverOf(table, head[2]);
      block = {
        name: word(head[1]),
        default: p ? { a: [], t: p[0], ...(p[1] ? { m: p[1] } : {}), c: head[2] } : null,
        patterns: [],
      };
      blocks.push(block);
      continue;
    }
    if (!block) continue;
    if (line.startsWith('-')) {
      const m = line.match(/^-\s*(.*?)\s*\[([^\]]*)\]/);
      const p = m ? ploverOf(table, m[2]) : null;
      const w = m ? patternWords(m[1]) : null;
      if (!m || !p || !w || !w.after.length) {
        dropped++;
        continue;
      }
      block.patterns.push({
        ...(w.before.length ? { b: w.before } : {}),
        a: w.after,
        t: p[0],
        ...(p[1] ? { m: p[1] } : {}),
        c: m[2].split(':')[0].replace(/!$/, ''),
      });
      continue;
    }
    // A verb of the block, with its irregular forms: `HURRY {HURRIES HURRYING HURRIED }`.
    const v = line.match(/^([A-Z][A-Z_'-]*)\s*(?:\{([^}]*)\})?/);
    if (!v) continue;
    const lemma = word(v[1]);
    lemmas[lemma] = blocks.length - 1;
    for (const f of (v[2] ?? '').split(/\s+/).filter(Boolean)) forms[word(f)] = lemma;
  }
  // Longest patterns first: the most specific match wins.
  for (const b of blocks)
    b.patterns.sort((x, y) => y.a.length + (y.b?.length ?? 0) - (x.a.length + (x.b?.length ?? 0)));
  // Blocks that code nothing (no default, no pattern) are left out, with the verbs that name them.
  const keep = blocks.map((b) => b.default !== null || b.patterns.length > 0);
  const index = new Map<number, number>();
  const kept = blocks.filter((_, i) => {
    if (keep[i]) index.set(i, index.size);
    return keep[i];
  });
  const keptLemmas = Object.fromEntries(
    Object.entries(lemmas)
      .filter(([, i]) => index.has(i))
      .map(([l, i]) => [l, index.get(i) as number]),
  );
  const keptForms = Object.fromEntries(Object.entries(forms).filter(([, l]) => l in keptLemmas));
  return { sets, lemmas: keptLemmas, forms: keptForms, blocks: kept, dropped };
}

/** Phoenix agents: a noun phrase (lower case, spaces) → its CAMEO agent code ("COP", "GOVMIL"). */
function convertAgents(text: string) {
  const subs = new Map<string, string[]>();
  const agents: Record<string, string> = {};
  for (const raw of text.split('\n')) {
    const sub = raw.match(/^!([A-Z]+)!\s*=\s*(.*)$/);
    if (sub) {
      subs.set(
        sub[1],
        sub[2].split(',').map((s) => s.trim().toLowerCase()),
      );
      continue;
    }
    const line = raw.replace(/#.*/, '').trim();
    const m = line.match(/^([A-Z][A-Z0-9_'!.-]*)\s*(?:\{([^}]*)\})?\s*\[~([A-Z]+)\]/);
    if (!m) continue;
    const phrases = [m[1], ...(m[2] ?? '').split(/\s+/).filter(Boolean)];
    for (const p of phrases) {
      // `!PERSON!` stands for man, men, woman, women and person.
      const bang = p.match(/!([A-Z]+)!/);
      const variants = bang
        ? (subs.get(bang[1]) ?? []).map((s) => p.replace(bang[0], `_${s}`))
        : [p];
      for (const v of variants) {
        const key = v.toLowerCase().replace(/_+/g, ' ').trim();
        if (key && !(key in agents)) agents[key] = m[3];
      }
    }
  }
  return agents;
}

const read = (name: string): string => readFileSync(join(sourceDir, name), 'utf8');
const table = readCameoToPlover(read('CAMEO2PLOVER-2021.txt'));
const verbs = convertVerbs(read('CAMEO.2.0.txt'), table);
const agents = convertAgents(read('Phoenix.agents.txt'));
writeFileSync(
  join(outDir, 'cameo-verbs.json'),
  JSON.stringify({
    sets: verbs.sets,
    lemmas: verbs.lemmas,
    forms: verbs.forms,
    blocks: verbs.blocks,
  }),
);
writeFileSync(join(outDir, 'phoenix-agents.json'), JSON.stringify(agents));
const patterns = verbs.blocks.reduce((n, b) => n + b.patterns.length, 0);
console.log(
  `cameo-verbs.json: ${Object.keys(verbs.lemmas).length} verbs, ${verbs.blocks.length} blocks, ` +
    `${patterns} patterns (${verbs.dropped} without a PLOVER category or words left out); ` +
    `phoenix-agents.json: ${Object.keys(agents).length} agent phrases`,
);
