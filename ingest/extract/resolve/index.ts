// Resolve: one canonical id per real-world actor. Surnames join full names within the report,
// nominals ("Russian envoy") and pronouns ("He cautioned") join the person or group they refer
// to, metonyms and demonyms have already become states and country groups in recognize.
import { COUNTRIES, LEADERS, countryName } from '../gazetteer/index.ts';
import { slug } from '../ids.ts';
import { affiliationCountries, homeCountries } from './affiliation.ts';
import { isSubject, listHead, listedAfter, phraseHead, titleWord } from './clauses.ts';
import { pluralAntecedent } from './they.ts';
import type { ActorRecord, ActorRef, Doc, Mention, PlaceRecord } from '../model.ts';

const ISO = new Set(COUNTRIES.map((c) => c.code));
const LEADER_NAMES = new Set(LEADERS.map((l) => l.name));
const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export function actorId(a: ActorRef): string {
  switch (a.kind) {
    case 'state':
      return `state:${a.country}`;
    case 'person':
      return `person:${slug(a.name)}`;
    case 'organization':
      return `org:${slug(a.name)}`;
    case 'group':
      return a.country
        ? `group:${a.country}${a.sector ? '-' + a.sector : ''}`
        : `group:${slug(a.name)}`;
  }
}

/** A full name with the offsets where the report writes it in full. */
interface FullName {
  name: string;
  at: number[];
}

/**
 * Full person names in the report by the one word a later mention may use: the surname
 * ("Dmitriev" → "Kirill Dmitriev"), or the first word of a name ("Anwar" → "Anwar Ibrahim",
 * "Kim" → "Kim Jong Un", whose family name comes first). A word may fit several people.
 */
function fullNames(doc: Doc): Map<string, FullName[]> {
  const byWord = new Map<string, FullName[]>();
  const named = new Map<string, FullName>();
  for (const m of doc.mentions) {
    const a = m.actor;
    if (!a || a.kind !== 'person' || a.nominal || a.tentative) continue;
    const w = words(a.name);
    if (w.length < 2) continue;
    let f = named.get(a.name);
    if (!f) {
      f = { name: a.name, at: [] };
      named.set(a.name, f);
      for (const key of new Set([w[w.length - 1], w[0]]))
        byWord.set(key, [...(byWord.get(key) ?? []), f]);
    }
    f.at.push(m.start);
  }
  return byWord;
}

/**
 * The person a one-word mention at offset `at` refers to: the one last written in full before
 * it (a name refers back), else the first written after it (a headline refers forward); by
 * surname before given name, then the longer name.
 */
function referent(candidates: FullName[] | undefined, word: string, at: number): string | null {
  if (!candidates?.length) return null;
  const before = (f: FullName): number => Math.max(-1, ...f.at.filter((x) => x < at));
  const surname = (f: FullName): number => (words(f.name).at(-1) === word ? 1 : 0);
  const best = [...candidates].sort(
    (a, b) =>
      before(b) - before(a) ||
      Math.min(...a.at) - Math.min(...b.at) ||
      surname(b) - surname(a) ||
      words(b.name).length - words(a.name).length,
  )[0];
  return best.name;
}

/**
 * Organizations the report names in full and then by their last words: "Palestinian Islamic
 * Jihad" … "Islamic Jihad positions". By the short name (two words at least) and its country,
 * the full one, when their countries agree or one has none: "Japan's Foreign Ministry" is not
 * the "Chinese Foreign Ministry" named before.
 */
function fullOrganizations(doc: Doc): Map<string, ActorRef> {
  const orgs = new Map<string, ActorRef>();
  for (const m of doc.mentions)
    if (m.actor?.kind === 'organization' && !m.actor.nominal && !m.actor.media)
      orgs.set(orgKey(m.actor), m.actor);
  const out = new Map<string, ActorRef>();
  for (const [key, short] of orgs) {
    if (words(short.name).length < 2) continue;
    const longer = [...orgs.values()].filter(
      (o) =>
        o.name.length > short.name.length &&
        o.name.endsWith(` ${short.name}`) &&
        (!o.country || !short.country || o.country === short.country),
    );
    if (longer.length === 1) out.set(key, longer[0]);
  }
  return out;
}

const orgKey = (a: ActorRef) => `${a.name}\u0000${a.country ?? ''}`;

export function resolve(doc: Doc): void {
  const byWord = fullNames(doc);
  const fullOrgs = fullOrganizations(doc);
  const kept: Mention[] = [];
  const persons: { m: Mention; a: ActorRef }[] = [];

  for (const m of doc.mentions) {
    const a = m.actor;
    if (!a || a.kind !== 'person' || a.nominal) continue;
    const w = words(a.name);
    const last = w[w.length - 1];
    const full = w.length === 1 ? referent(byWord.get(last), last, m.start) : null;
    if (full) a.name = full;
    else if (a.tentative) continue;
    persons.push({ m, a });
  }
  // Merge what the report tells about each person (title, country) across mentions.
  const info = new Map<
    string,
    { country: string | null; title: string | null; sector: string | null }
  >();
  for (const { a } of persons) {
    const i = info.get(a.name) ?? { country: null, title: null, sector: null };
    i.country ??= a.country;
    i.title ??= a.title ?? null;
    i.sector ??= a.sector;
    info.set(a.name, i);
  }

  for (const m of doc.mentions) {
    const a = m.actor;
    if (m.place) {
      m.id = `place:${slug(m.place.name)}`;
      kept.push(m);
      continue;
    }
    if (m.pronoun) {
      kept.push(m);
      continue;
    }
    if (!a) continue;
    if (a.kind === 'person' && a.tentative && !info.has(a.name)) continue;
    const full = a.kind === 'organization' ? fullOrgs.get(orgKey(a)) : undefined;
    if (full) {
      m.actor = full;
      m.id = actorId(full);
      kept.push(m);
      continue;
    }
    if (a.kind === 'organization' && a.nominal) {
      // "the group" is the last organization named before it (news outlets aside).
      const org = [...kept]
        .reverse()
        .find((k) => k.actor?.kind === 'organization' && !k.actor.media && !k.actor.nominal);
      if (!org?.actor) continue;
      m.actor = org.actor;
      m.id = org.id;
      kept.push(m);
      continue;
    }
    if (a.kind === 'person' && a.nominal) {
      const named = nominalReferent(a, m, persons, info);
      const body = named || !a.unit ? null : bodyOf(a.unit, kept);
      if (body) {
        m.actor = body.actor;
        m.id = body.id;
        m.spokesperson = true;
        kept.push(m);
        continue;
      }
      if (named) {
        a.name = named;
        a.nominal = false;
      } else {
        // No named person fits: the nominal stands for its country's officials.
        a.kind = a.country ? 'group' : 'person';
      }
    }
    if (a.kind === 'person' && !a.nominal) {
      const i = info.get(a.name);
      if (i) {
        a.country ??= i.country;
        a.title ??= i.title;
        a.sector ??= i.sector;
      }
    }
    if (a.kind === 'person' && a.nominal) continue; // an unresolvable "the envoy"
    m.id = actorId(a);
    kept.push(m);
  }
  doc.mentions = kept;
  resolvePronouns(doc);
  buildRecords(doc);
}

function nominalReferent(
  a: ActorRef,
  m: Mention,
  persons: { m: Mention; a: ActorRef }[],
  info: Map<string, { country: string | null; title: string | null }>,
): string | null {
  const want = (a.title ?? '').toLowerCase();
  const fits = (p: ActorRef): boolean => {
    const i = info.get(p.name);
    if (!i?.title || i.title.toLowerCase().split(' ').pop() !== want.split(' ').pop()) return false;
    return !a.country || !i.country || a.country === i.country;
  };
  // Prefer the nearest person before; a headline refers forward to the body.
  let best: string | null = null;
  for (const p of persons) {
    if (!fits(p.a)) continue;
    if (p.m.start < m.start) best = p.a.name;
    else if (!best) return p.a.name;
  }
  return best;
}

/**
 * What a described speaker speaks for: the last organization named with the words of its
 * unit ("a defense ministry spokesman" → "South Korea’s Defense Ministry"), else the government
 * of the last state named before it ("a foreign ministry spokesman" after "Japan protested").
 */
function bodyOf(unit: string, kept: Mention[]): { actor: ActorRef; id: string } | null {
  const want = words(unit).filter((w) => w !== 'government');
  for (let k = kept.length - 1; k >= 0; k--) {
    const c = kept[k];
    const a = c.actor;
    if (!a || !c.id || c.pronoun || a.kind !== 'organization' || a.media) continue;
    const has = new Set(words(a.name.toLowerCase()));
    if (want.length && want.every((w) => has.has(w))) return { actor: a, id: c.id };
  }
  const state = [...kept].reverse().find((c) => c.actor?.kind === 'state' && c.id);
  const code = state?.actor?.country;
  if (!code) return null;
  const actor: ActorRef = {
    kind: 'group',
    name: `${countryName(code)} ${unit}`,
    country: code,
    sector: 'GOV',
    plural: false,
  };
  return { actor, id: actorId(actor) };
}

const OBJECT_PRONOUNS = new Set(['him', 'them']);

/** True where only a verb phrase separates the candidate from the pronoun. */
function sameClauseSubject(doc: Doc, c: Mention, p: Mention): boolean {
  if (c.sentence !== p.sentence) return false;
  let verb = false;
  for (let k = c.last; k < p.first; k++) {
    const t = doc.tokens[k];
    if (t.pos === 'PUNCT' || t.pos === 'SCONJ' || t.pos === 'CCONJ' || t.lower === 'that')
      return false;
    if (t.pos === 'VERB') verb = true;
  }
  return verb;
}

function resolvePronouns(doc: Doc): void {
  const ms = doc.mentions;
  for (let k = 0; k < ms.length; k++) {
    const p = ms[k];
    if (!p.pronoun) continue;
    const plural = p.pronoun === 'they' && isSubject(doc, p) ? pluralAntecedent(doc, ms, k) : null;
    if (plural?.length === 0) continue; // open which: better no actor than a wrong one
    if (plural) {
      [p.id, p.actor, p.also] = [plural[0].id, plural[0].actor, plural.slice(1)];
      continue;
    }
    for (let j = k - 1; j >= 0; j--) {
      const c = ms[j];
      if (p.sentence - c.sentence > 2) break;
      if (!c.id || !c.actor || c.pronoun) continue;
      const kind = c.actor.kind;
      const ok =
        p.pronoun === 'he' || p.pronoun === 'she'
          ? kind === 'person' || !!c.spokesperson
          : p.pronoun === 'it'
            ? kind === 'state' || kind === 'organization' || (kind === 'group' && !c.actor.plural)
            : kind === 'group' || kind === 'state' || kind === 'organization';
      if (!ok || c.actor.media) continue;
      // An object pronoun is not its own clause's subject: "the minister thanked him".
      if (OBJECT_PRONOUNS.has(p.text.toLowerCase()) && sameClauseSubject(doc, c, p)) continue;
      // A subject pronoun continues the subject of the sentence it looks back to ("Kerry visited
      // Hiroshima last month. He said …"): a subject of the right kind before c is preferred.
      // "They" continues a subject of any kind it may stand for ("Americans in Colombia should
      // enroll … They should follow …": the Americans, not Colombia).
      const kinds = p.pronoun === 'they' ? THEY : [kind];
      const a = isSubject(doc, p) ? (subjectBefore(doc, ms, j, kinds) ?? c) : c;
      p.id = a.id;
      p.actor = a.actor;
      break;
    }
  }
}

const THEY = ['group', 'state', 'organization'];

/** The first subject mention of these kinds in mention j's sentence, if it comes before j. */
function subjectBefore(doc: Doc, ms: Mention[], j: number, kinds: string[]): Mention | null {
  const sentence = ms[j].sentence;
  for (let i = j - 1; i >= 0 && ms[i].sentence === sentence; i--) {
    const c = ms[i];
    const kind = c.actor?.kind;
    if (
      c.id &&
      kind &&
      kinds.includes(kind) &&
      !c.pronoun &&
      !c.actor?.media &&
      isSubject(doc, c)
    ) {
      // Keep looking for an earlier one: the sentence's first subject leads.
      const earlier = subjectBefore(doc, ms, i, kinds);
      return earlier ?? c;
    }
  }
  return null;
}

/** The state actor for a country code, created without mentions if the report has none yet. */
export function ensureState(actors: Map<string, ActorRecord>, code: string): ActorRecord {
  const id = `state:${code}`;
  let r = actors.get(id);
  if (!r) {
    r = {
      id,
      name: countryName(code),
      kind: 'state',
      country: code,
      sector: 'GOV',
      aliases: new Set(),
      title: null,
      affiliation: null,
      media: false,
      mentions: [],
    };
    actors.set(id, r);
  }
  return r;
}

/**
 * The state a report speaks for or from. In order: the country of a known leader its title
 * line or first sentences name ("Statement by President Joe Biden on …", "President
 * Biden's National Security Advisor Jake Sullivan …"), of a state its title names, of the first
 * state in its text.
 */
export function homeState(doc: Doc): string | null {
  const title = doc.sentences[0]?.heading ? 0 : -1;
  let leader: string | null = null;
  let titled: string | null = null;
  let first: string | null = null;
  for (const m of doc.mentions) {
    const a = m.actor;
    if (!m.id || !a?.country || m.pronoun || a.tentative || a.nominal) continue;
    if (a.kind === 'person' && LEADER_NAMES.has(a.name) && m.sentence <= title + 2)
      leader ??= a.country;
    if (a.kind !== 'state') continue;
    if (m.sentence === title) titled ??= a.country;
    first ??= a.country;
  }
  return leader ?? titled ?? first;
}

/** Verbs whose subject names the body its object's list belongs to ("The delegation of X
 * included A, B and C"). */
const MEMBERSHIP_VERBS = new Set(['include', 'comprise']);

/**
 * People listed together belong to the one country the list names: "met with President A,
 * Foreign Secretary B, and C, as well as other senior Mexican officials", "I thank President D
 * and the Egyptian officials", "Representatives of the Government of X included A, B and C".
 * A person without a country takes it when the others of a list (conjuncts in the parse, or
 * names separated only by commas and titles) with a country all have the same one, and they
 * are two, a group, or the list is three or longer.
 */
function listCountries(doc: Doc, actors: Map<string, ActorRecord>): void {
  const lists = new Map<number, Mention[]>();
  let prev: Mention | null = null;
  let prevKey = -1;
  for (const m of doc.mentions) {
    const kind = m.actor?.kind;
    if (!m.id || m.place || (kind !== 'person' && kind !== 'group')) continue;
    let k = listHead(doc, phraseHead(doc, m));
    // A list on the surface is one whatever the parse made of it.
    if (prev && listedAfter(doc, prev, m)) k = prevKey;
    prev = m;
    prevKey = k;
    const list = lists.get(k) ?? [];
    list.push(m);
    lists.set(k, list);
  }
  let bySentence: Map<number, Mention[]> | null = null;
  for (const list of lists.values()) {
    const verb = membershipVerb(doc, list[0]);
    const body =
      verb < 0
        ? null
        : membershipSubject(
            doc,
            verb,
            (bySentence ??= mentionsBySentence(doc)).get(list[0].sentence) ?? [],
          );
    if (body && !list.includes(body)) list.push(body);
    if (list.length < 2) continue;
    const countries = new Set<string>();
    let withCountry = 0;
    let group = false;
    for (const m of list) {
      const r = actors.get(m.id as string);
      if (r?.kind === 'group') group = true;
      if (r?.country) {
        countries.add(r.country);
        withCountry++;
      }
    }
    // Of a pair, one with a country is as likely the other's counterpart ("Deputy Secretary
    // Kurt Campbell and Japanese Vice Minister Okano"): it takes two members of the country,
    // a group of it, or a longer list (a delegation) to tell.
    if (countries.size !== 1 || (withCountry < 2 && !group && list.length < 3)) continue;
    const [country] = countries;
    for (const m of list) {
      const r = actors.get(m.id as string);
      if (r?.kind === 'person' && !r.country) r.country = country;
    }
  }
}

/** The mentions of each sentence, in the order of doc.mentions. */
function mentionsBySentence(doc: Doc): Map<number, Mention[]> {
  const out = new Map<number, Mention[]>();
  for (const m of doc.mentions) {
    const inSentence = out.get(m.sentence);
    if (inSentence) inSentence.push(m);
    else out.set(m.sentence, [m]);
  }
  return out;
}

/** The verb "include" (or "comprise") before the list that starts with mention m, over the titles
 * of its first member: its token, or -1. */
function membershipVerb(doc: Doc, m: Mention): number {
  let v = m.first - 1;
  while (v >= 0 && doc.tokens[v].sentence === m.sentence && titleWord(doc, v)) v--;
  const verb = doc.tokens[v];
  if (!verb || verb.sentence !== m.sentence || !MEMBERSHIP_VERBS.has(verb.lemma)) return -1;
  return v;
}

/** The group of a country that opens the sentence of the membership verb v, whose object is a
 * list: "Representatives of the Government of X included A, B, and C". `inSentence`: the
 * mentions of v's sentence, in the order of doc.mentions. */
function membershipSubject(doc: Doc, v: number, inSentence: Mention[]): Mention | null {
  // The subject phrase before the verb: no other verb or punctuation between it and the group.
  const body = inSentence.findLast((g) => g.last <= v && g.actor?.kind === 'group');
  if (!body) return null;
  for (let k = body.last; k < v; k++)
    if (['VERB', 'AUX', 'PUNCT'].includes(doc.tokens[k].pos)) return null;
  return body;
}

/** The mention ends in a plural noun ("officials", "troops"; not "team", "counterpart"). */
function pluralHead(doc: Doc, m: Mention): boolean {
  const t = doc.tokens[m.last - 1];
  return !!t && t.pos === 'NOUN' && t.lemma !== t.lower && t.lower.endsWith('s');
}

/** The first country each sentence names, of an actor other than a person. */
function firstCountries(doc: Doc): Map<number, string> {
  const out = new Map<number, string>();
  for (const x of doc.mentions)
    if (x.actor?.country && x.actor.kind !== 'person' && !out.has(x.sentence))
      out.set(x.sentence, x.actor.country);
  return out;
}

function buildRecords(doc: Doc): void {
  const actors = new Map<string, ActorRecord>();
  const places = new Map<string, PlaceRecord>();
  const stateRecord = (code: string): ActorRecord => ensureState(actors, code);
  const namedPlural = new Set<string>();
  for (const m of doc.mentions) {
    if (!m.id || m.pronoun) continue;
    if (m.place) {
      const r = places.get(m.id) ?? {
        id: m.id,
        name: m.place.name,
        country: m.place.country,
        aliases: new Set<string>(),
        mentions: [],
      };
      r.mentions.push({ start: m.start, end: m.end });
      if (m.text !== r.name) r.aliases.add(m.text);
      if (m.place.alias) r.aliases.add(m.place.alias);
      places.set(m.id, r);
      continue;
    }
    const a = m.actor as ActorRef;
    let r = a.kind === 'state' && a.country ? stateRecord(a.country) : actors.get(m.id);
    if (!r) {
      r = {
        id: m.id,
        name: a.name,
        kind: a.kind,
        country: a.country,
        sector: a.sector,
        aliases: new Set(),
        title: a.title ?? null,
        affiliation: null,
        media: !!a.media,
        mentions: [],
      };
      actors.set(m.id, r);
    }
    // A group is several people: named by its first plural mention ("Ukrainian officials"), not
    // by a singular title that fell back to it ("declines to engage Ukrainian counterpart").
    if (r.kind === 'group' && !namedPlural.has(r.id) && pluralHead(doc, m)) {
      namedPlural.add(r.id);
      if (a.name !== r.name) {
        r.aliases.add(r.name);
        r.name = a.name;
        r.aliases.delete(a.name);
      }
    }
    r.mentions.push({ start: m.start, end: m.end });
    if (m.text !== r.name) r.aliases.add(m.text);
    if (m.prefixFirst !== undefined) {
      const prefix = doc.text.slice(doc.tokens[m.prefixFirst].start, m.start).trim();
      if (prefix) r.aliases.add(prefix);
    }
  }
  affiliationCountries(doc, actors);
  listCountries(doc, actors);
  const home = homeState(doc);
  if (home) homeCountries(doc, actors, home);
  // People and groups are linked to their state, which then exists as an actor too.
  for (const r of [...actors.values()]) {
    if ((r.kind === 'person' || r.kind === 'group') && r.country && ISO.has(r.country)) {
      r.affiliation = `state:${r.country}`;
      stateRecord(r.country);
    }
  }
  // Places without a known country take the first country named in their sentence.
  let sentenceCountry: Map<number, string> | null = null;
  for (const m of doc.mentions) {
    if (!m.place || !m.id) continue;
    const r = places.get(m.id);
    if (!r || r.country) continue;
    sentenceCountry ??= firstCountries(doc);
    const country = sentenceCountry.get(m.sentence);
    if (country) r.country = country;
  }
  doc.actors = actors;
  doc.places = places;
}
