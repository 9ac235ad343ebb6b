// Countries that people and organizations take from what the report ties them to, before the
// report's own state is assumed: an organization from the place it is in ("the Asan Institute in
// Seoul"), a person from the organization they speak for ("Bong Young-shik from the Asan
// Institute", "The BBC's Tokyo correspondent, Rupert Wingfield-Hayes"). Then the report's own
// state for the rest (homeCountries).
import { VERBS } from '../events/lexicon.ts';
import { ORGANIZATIONS } from '../gazetteer/curated.ts';
import type { ActorRecord, Doc, Mention } from '../model.ts';

/** Organizations whose country the gazetteer knows, international ones (no country) included. */
const KNOWN = new Set(ORGANIZATIONS.flatMap((o) => [o.name, ...o.aliases]));

/**
 * Names of international bodies: being in a city does not make them the city's, nor does a
 * report's home state. By what marks multinational scope: "International", "Cooperation"
 * ("Shanghai Cooperation Organisation"), a development bank, an "Organization of …", and a
 * region or faith that spans states ("Nordic …", "Islamic Development Bank", "African Union").
 */
const INTERNATIONAL = new RegExp(
  '\\b(UN|United Nations|International|World|Global|Multilateral|Intergovernmental|' +
    'Cooperation|Development Bank|Organi[sz]ation of|Commonwealth|' +
    'African|Asian|European|Arab|Islamic|Nordic|Baltic|Caspian|Andean|Caribbean|Pacific|' +
    'Atlantic|Gulf|Americas|Inter-American|Pan-American|Eurasian)\\b',
);

/** Words between a person and their organization ("Bruce Bennett from the X Corporation"). */
const MEMBER_OF = new Set(['from', 'of', 'at']);

const POSSESSIVE = new Set(["'s", '’s']);

export function affiliationCountries(doc: Doc, actors: Map<string, ActorRecord>): void {
  const ms = doc.mentions.filter((m) => m.id && !m.pronoun);
  const record = (m: Mention): ActorRecord | undefined =>
    m.place ? undefined : actors.get(m.id as string);
  const between = (a: Mention, b: Mention): string[] =>
    doc.tokens.slice(a.last, b.first).map((t) => t.lower);

  // An organization the gazetteer does not know is of the place it is in.
  for (let i = 0; i + 1 < ms.length; i++) {
    const [m, next] = [ms[i], ms[i + 1]];
    const org = record(m);
    if (org?.kind !== 'organization' || org.country || next.sentence !== m.sentence) continue;
    if (KNOWN.has(org.name) || INTERNATIONAL.test(org.name)) continue;
    const words = between(m, next).filter((w) => w !== ',');
    if (!(words.join(' ') === 'in' || words.join(' ') === 'based in')) continue;
    const where =
      next.place?.country ?? (record(next)?.kind === 'state' ? record(next)?.country : null);
    if (where) org.country = where;
  }

  // A person takes the country of the organization they are introduced with.
  for (let i = 0; i < ms.length; i++) {
    const person = record(ms[i]);
    if (person?.kind !== 'person' || person.country) continue;
    const org = organizationOf(doc, ms, i, record);
    if (org?.country) person.country = org.country;
  }
}

/** "X from/of/at the ORG" after the person, or "ORG's <title>, X" before. */
function organizationOf(
  doc: Doc,
  ms: Mention[],
  i: number,
  record: (m: Mention) => ActorRecord | undefined,
): ActorRecord | undefined {
  const m = ms[i];
  const after = ms[i + 1];
  if (after?.sentence === m.sentence && record(after)?.kind === 'organization') {
    const words = doc.tokens.slice(m.last, after.first).map((t) => t.lower);
    if (words[0] === ',') words.shift();
    if (words.at(-1) === 'the') words.pop();
    if (words.length === 1 && MEMBER_OF.has(words[0])) return record(after);
  }
  // Back over a short title to an organization's possessive: no verb, no other person between.
  for (let j = i - 1; j >= 0 && ms[j].sentence === m.sentence; j--) {
    const org = record(ms[j]);
    if (org?.kind === 'person') return undefined;
    if (org?.kind !== 'organization') continue;
    const gap = doc.tokens.slice(ms[j].last, m.first);
    if (!POSSESSIVE.has(gap[0]?.lower ?? '') || gap.length > 7) return undefined;
    if (gap.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return undefined;
    return org;
  }
  return undefined;
}

/**
 * Verbs of a designation or sanction, as the event lexicon reads them ("designate", "blacklist",
 * "freeze"): their target is the issuing state's adversary, not its national. Not the senses that
 * need a given object ("recalled its ambassador": its own).
 */
const designates = (lemma: string): boolean =>
  !!VERBS.get(lemma)?.some((s) => s.type === 'SANCTION' && !s.objects);

/** Is the mention the target of a designation: "X and Y are being designated", "sanctioned X"? */
function designated(doc: Doc, m: Mention): boolean {
  let k = m.first;
  while (k < m.last - 1 && doc.tokens[k].head >= m.first && doc.tokens[k].head < m.last) k++;
  for (let up = 0; up < 8 && doc.tokens[k].deprel === 'conj'; up++) k = doc.tokens[k].head;
  const t = doc.tokens[k];
  const verb = doc.tokens[t.head];
  if (!verb || !designates(verb.lemma)) return false;
  if (t.deprel === 'obj' || t.deprel === 'nsubj:pass') return true;
  // The parser often labels a passive subject nsubj; its auxiliary tells.
  if (t.deprel !== 'nsubj') return false;
  const { first, last } = doc.sentences[t.sentence];
  for (let k = first; k < last; k++)
    if (doc.tokens[k].head === t.head && doc.tokens[k].deprel === 'aux:pass') return true;
  return false;
}

/**
 * People, and organizations the gazetteer does not know, that the report gives no country
 * belong to the state it speaks for or from: a White House readout's "Jake Sullivan" and
 * "Congress", a State Department release's partners. Foreign ones are nearly always introduced
 * with their country ("Mexican Foreign Secretary", "of Afghanistan"). Not international bodies,
 * and not those the state designates or sanctions ("X is being designated pursuant to …").
 */
export function homeCountries(doc: Doc, actors: Map<string, ActorRecord>, home: string): void {
  const targets = new Set(doc.mentions.filter((m) => m.id && designated(doc, m)).map((m) => m.id));
  for (const r of actors.values()) {
    if (r.country || targets.has(r.id)) continue;
    if (r.kind === 'person') r.country = home;
    else if (
      r.kind === 'organization' &&
      !r.media &&
      !KNOWN.has(r.name) &&
      !INTERNATIONAL.test(r.name)
    )
      r.country = home;
  }
}
