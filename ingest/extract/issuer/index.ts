// Issuer resolution: in a first-person release (a statement, readout or press statement) "we",
// "our" and "us" are the issuing body and "I", "my" and "me" the person who issues it. The issuer
// comes from the title and byline ("Statement by President Joe Biden on …", "Thomas Pigott,
// Spokesperson"), the opening sentence ("… was issued today by …") or the caller's `source`.
// Quoted speech is left alone: a "we" inside quotation marks is the quoted speaker's.
import type { ActorRecord, Doc, Mention, Sentence } from '../model.ts';
import { sortInPlace } from '../order.ts';

const RELEASE =
  /\b(statement|readout|remarks|press release|communiqu[eé]|declaration|spokesperson|spokesman|fact sheet)\b/i;
const BODY_PRONOUNS = new Set(['we', 'our', 'us', 'ours', 'ourselves']);
const PERSON_PRONOUNS = new Set(['i', 'my', 'me', 'mine', 'myself']);

export interface Issuer {
  /** The person who speaks as "I", if named. */
  person: string | null;
  /** The body that speaks as "we": the person's state, or the issuing state or organization. */
  body: string | null;
}

/** The sentences that head the report: title, subtitle, byline. */
function headings(doc: Doc): Sentence[] {
  const out: Sentence[] = [];
  for (const s of doc.sentences) {
    if (!s.heading || out.length >= 3) break;
    out.push(s);
  }
  return out;
}

const actorOf = (doc: Doc, m: Mention): ActorRecord | undefined =>
  m.id ? doc.actors.get(m.id) : undefined;

function stateOf(doc: Doc, a: ActorRecord): string | null {
  if (a.kind === 'state' || a.kind === 'organization') return a.id;
  if (a.affiliation && doc.actors.has(a.affiliation)) return a.affiliation;
  const state = a.country ? `state:${a.country}` : null;
  return state && doc.actors.has(state) ? state : null;
}

/** A person the title or byline names as issuing: "by/from/of X", "X, Spokesperson", a titled X. */
function issuing(doc: Doc, m: Mention, a: ActorRecord): boolean {
  if (a.title) return true;
  const before = doc.tokens.slice(Math.max(0, m.first - 3), m.first).map((t) => t.lower);
  if (before.some((w) => w === 'by' || w === 'from' || w === 'of')) return true;
  const after = doc.tokens[m.last];
  return after?.text === ',' && doc.sentences[m.sentence]?.heading === true;
}

export function findIssuer(doc: Doc): Issuer | null {
  const heads = headings(doc);
  const headText = heads.map((s) => doc.text.slice(s.start, s.end)).join('\n');
  const opening = doc.sentences.find((s) => !s.heading);
  const openingText = opening ? doc.text.slice(opening.start, opening.end) : '';
  const issuedBy = /\b(issued|released|made)\b[^.]*\bby\b/i.test(openingText);
  if (!RELEASE.test(headText) && !issuedBy) return null;
  const named = (m: Mention): m is Mention & { id: string } => !!m.id && !m.place && !m.pronoun;
  const inHeads = doc.mentions.filter((m) => named(m) && heads.some((s) => s.index === m.sentence));
  const inOpening = doc.mentions.filter((m) => named(m) && m.sentence === opening?.index);
  const pairs = (ms: Mention[]) =>
    ms
      .map((m) => ({ m, a: actorOf(doc, m) }))
      .filter((x): x is { m: Mention; a: ActorRecord } => !!x.a && !x.a.media);
  const heads2 = pairs(issuedBy ? [...inHeads, ...inOpening] : inHeads);
  const person = heads2.find(({ m, a }) => a.kind === 'person' && issuing(doc, m, a))?.a ?? null;
  let body = person ? stateOf(doc, person) : null;
  // Otherwise the state of a titled official the opening names ("President Biden's National
  // Security Advisor …"), an issuing organization or state, or the first state of the opening.
  const opened = pairs([...inHeads, ...inOpening]);
  body ??=
    opened.map(({ a }) => (a.kind === 'person' ? stateOf(doc, a) : null)).find((x) => x) ?? null;
  body ??= heads2.find(({ a }) => a.kind === 'organization' || a.kind === 'state')?.a.id ?? null;
  body ??= opened.find(({ a }) => a.kind === 'state')?.a.id ?? null;
  if (!person && !body) return null;
  return { person: person?.id ?? null, body };
}

/** Offsets inside quotation marks (“…” or "…"), where "we" is the quoted speaker's. */
function quoted(text: string): (at: number) => boolean {
  const spans: [number, number][] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '“' || (c === '"' && open < 0)) open = i;
    else if ((c === '”' || c === '"') && open >= 0) {
      spans.push([open, i]);
      open = -1;
    } else if (c === '\n' && text[i + 1] === '\n' && open >= 0 && text[open] === '"') open = -1;
  }
  return (at) => spans.some(([a, b]) => at > a && at < b);
}

/** Adds mentions of the issuer for first-person pronouns outside quotations. */
export function issuer(doc: Doc): Issuer | null {
  const found = findIssuer(doc);
  if (!found) return null;
  const inQuote = quoted(doc.text);
  const added: Mention[] = [];
  for (const s of doc.sentences) {
    for (let k = s.first; k < s.last; k++) {
      const t = doc.tokens[k];
      const body = BODY_PRONOUNS.has(t.lower);
      const person = t.text === 'I' || (t.lower !== 'i' && PERSON_PRONOUNS.has(t.lower));
      if (!body && !person) continue;
      if (t.pos !== 'PRON' && t.pos !== 'DET') continue;
      // Part of a name written with a slash or hyphen ("A/I Collective").
      if (/[/&-]/.test(doc.text[t.start - 1] ?? '') || /[/&-]/.test(doc.text[t.end] ?? ''))
        continue;
      const id = body ? (found.body ?? found.person) : (found.person ?? found.body);
      const a = id ? doc.actors.get(id) : undefined;
      if (!a || inQuote(t.start)) continue;
      added.push({
        first: k,
        last: k + 1,
        start: t.start,
        end: t.end,
        sentence: s.index,
        text: t.text,
        id: a.id,
        actor: { kind: a.kind, name: a.name, country: a.country, sector: a.sector },
      });
    }
  }
  doc.mentions.push(...added);
  sortInPlace(doc.mentions, (x, y) => x.start - y.start);
  return found;
}
