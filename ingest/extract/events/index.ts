// Events: PLOVER triggers with clause-level arguments. The subject is the actor, the object
// (or "with/to/toward X") the recipient; intentions become AGREE or THREATEN, negation and
// refusal REJECT; a verb's complement ("agreed to reopen", "demanded that X cancel") belongs to it.
import { ONTOLOGY, type PloverCategory } from '../../../domain/index.ts';
import { dateNear, datesIn } from '../dates/index.ts';
import { COUNTRIES } from '../gazetteer/index.ts';
import { ensureState, homeState } from '../resolve/index.ts';
import { shortHash } from '../ids.ts';
import { advisory } from '../coder/triggers.ts';
import { nominalEvents, sentenceTree } from './nominal.ts';
import type { Doc, Mention, Token } from '../model.ts';
import {
  agentAfter,
  clauseEnd,
  isParticipial,
  isPassive,
  mainSubject,
  objectAfter,
  firstDependent,
  nextDependent,
  opensClause,
  subjectBefore,
  sentenceViews,
  type SentenceView,
} from '../syntax.ts';
import type { ExtractedEvent } from '../types.ts';
import {
  CONDITIONAL,
  CONTAINERS,
  COOPERATIVE,
  HELD_STRIKE,
  INTENT,
  LABOUR_STRIKE,
  LIGHT_VERBS,
  MATERIAL_CONFLICT,
  MILITARY_STRIKE,
  NEGATION,
  NOUNS,
  PAIRS,
  STRIKE_LAUNCHERS,
  STRIKERS,
  VERBS,
} from './lexicon.ts';
import { dictionary } from '../dictionary.ts';
import { agentCode } from '../dictionaries/index.ts';
import { sortInPlace } from '../order.ts';

interface Trigger {
  first: number;
  last: number; // token after the trigger phrase
  type: PloverCategory;
  mode: string | null;
}

const ISO = new Set(COUNTRIES.map((c) => c.code));
/** Acts done to a place, and so to its state: force, and material help or withdrawal. */
const AT_PLACE = new Set<PloverCategory>([...MATERIAL_CONFLICT, 'AID', 'RETREAT']);

/** Nouns that name a proposal or a demand made by their possessor. */
const PROPOSALS: ReadonlyMap<string, PloverCategory> = dictionary({
  proposal: 'AGREE',
  offer: 'AGREE',
  plan: 'AGREE',
  initiative: 'AGREE',
  invitation: 'AGREE',
  demand: 'REQUEST',
  call: 'REQUEST',
  appeal: 'REQUEST',
  request: 'REQUEST',
  ultimatum: 'REQUEST',
});

/**
 * A past participle before its noun describes it ("the detained journalists", "securing the
 * release of wrongfully detained Americans"): after a determiner, preposition, adjective or
 * another verb, never after its subject or an auxiliary.
 */
function attributive(v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  if (t.pos !== 'VERB' || t.lower === t.lemma || !/(ed|en)$/.test(t.lower)) return false;
  const next = v.tokens[k + 1];
  if (k + 1 >= v.s.last || !(next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ'))
    return false;
  let j = k - 1;
  while (j >= v.s.first && v.tokens[j].pos === 'ADV') j--;
  if (j < v.s.first) return true;
  const b = v.tokens[j];
  return ['DET', 'ADP', 'ADJ', 'VERB'].includes(b.pos) || (b.pos === 'NUM' && j < k - 1);
}

/** A verb, or a present-tense verb the tagger took for a plural noun ("EU backs Ukraine"). */
function verbal(v: SentenceView, k: number): boolean {
  const t = v.tokens[k];
  const before = v.tokens[k - 1];
  // After a possessive it is a noun ("Washington's push"); after infinitival "to" a verb.
  if (before && (before.text === '’s' || before.text === "'s")) return false;
  if (before?.lower === 'to' && before.pos === 'PART' && VERBS.get(t.lower) !== undefined)
    return true;
  if (attributive(v, k)) return false;
  if (t.pos === 'VERB') {
    // A reduced relative ("assurances sought by Washington") describes, it does not report.
    if (before?.pos === 'NOUN' && v.tokens[k + 1]?.lower === 'by' && t.lower !== t.lemma)
      return false;
    return true;
  }
  // A progressive the tagger took for an adjective ("is imposing sanctions"): "-ing" after a
  // form of "be", with its object after it.
  const next = v.tokens[k + 1];
  if (
    t.pos === 'ADJ' &&
    /ing$/.test(t.lower) &&
    before?.pos === 'AUX' &&
    before.lemma === 'be' &&
    (next?.pos === 'NOUN' || next?.pos === 'DET' || next?.pos === 'PROPN')
  )
    return true;
  if (t.pos === 'NOUN' && /s$/.test(t.lower) && v.endAt.has(k - 1)) {
    const n = v.tokens[k + 1];
    return (
      !!n &&
      (n.pos === 'DET' ||
        n.pos === 'PROPN' ||
        n.pos === 'PRON' ||
        n.lower === 'to' ||
        v.startAt.has(k + 1) ||
        // A headline drops the article: "McCain opposes visit".
        (v.s.heading && n.pos === 'NOUN'))
    );
  }
  return false;
}

function within(
  v: SentenceView,
  from: number,
  n: number,
  test: (t: Token) => boolean,
): Token | null {
  for (let j = from; j < Math.min(v.s.last, from + n); j++) {
    const t = v.tokens[j];
    if (t.text === '.' || t.text === ';') return null;
    if (test(t)) return t;
  }
  return null;
}

/** The tagger's lemma, or a regular de-inflection where the tagger's is unknown ("staged"). */
const DEINFLECT: [RegExp, string][] = [
  [/d$/, ''],
  [/ed$/, ''],
  [/ied$/, 'y'],
  [/([bdgklmnprt])\1ed$/, '$1'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/s$/, ''],
  [/es$/, ''],
  [/n$/, ''],
  [/en$/, ''],
];
const lemmaCache = new Map<string, string>();
const known = (w: string): boolean => VERBS.get(w) !== undefined || LIGHT_VERBS.has(w);

/**
 * Prefixes that repeat or share the act and keep the verb's sense ("re-imposed sanctions",
 * "co-signed the declaration"); the tokenizer keeps them on the word. "de-", "un-", "counter-"
 * and the like change the sense and are left alone.
 */
const SAME_SENSE_PREFIX = /^(re|co)-(?=\p{L})/u;

function verbLemma(t: Token): string {
  if (SAME_SENSE_PREFIX.test(t.lower))
    return verbLemma({
      ...t,
      lower: t.lower.replace(SAME_SENSE_PREFIX, ''),
      lemma: t.lemma.toLowerCase().replace(SAME_SENSE_PREFIX, ''),
    });
  if (known(t.lemma)) return t.lemma;
  let out = lemmaCache.get(t.lower);
  if (out === undefined) {
    out = known(t.lower) ? t.lower : t.lemma;
    for (const [re, by] of DEINFLECT) {
      const c = t.lower.replace(re, by);
      if (c !== t.lower && known(c)) {
        out = c;
        break;
      }
    }
    if (lemmaCache.size > 20_000) lemmaCache.clear();
    lemmaCache.set(t.lower, out);
  }
  return out;
}

/** Part of a hyphenated compound ("long-threatened invasion"): an adjective, not a verb. */
const inCompound = (v: SentenceView, k: number): boolean =>
  v.tokens[k - 1]?.text === '-' && v.tokens[k - 1].start === v.tokens[k - 2]?.end;

// Relations dependent() looks for, made once: it runs for most tokens.
const OBJ = ['obj'];
const OBJECTS = ['obj', 'iobj'];
const CASE = ['case'];
const NSUBJ = ['nsubj'];
const NSUBJ_PASS = ['nsubj:pass'];
const CCOMP = ['ccomp'];
const MARK = ['mark'];

/** The dependent of the verb at k by one of these relations in the parse, if any. */
function dependent(v: SentenceView, k: number, deprels: readonly string[]): Token | null {
  for (let j = firstDependent(v, k); j >= 0; j = nextDependent(v, j)) {
    const t = v.tokens[j];
    if (deprels.includes(t.deprel)) return t;
  }
  return null;
}

/** The direct object of the verb at k in the parse, if any. */
const directObject = (v: SentenceView, k: number): Token | null => dependent(v, k, OBJ);

/**
 * What a container noun holds (CONTAINERS): its noun compound ("an aid package") or its "of"
 * phrase ("a package of sanctions", "a round of talks"); null for other nouns or an empty one.
 */
function contentOf(v: SentenceView, o: Token): Token | null {
  if (!CONTAINERS.has(o.lemma.toLowerCase())) return null;
  for (let j = firstDependent(v, o.index); j >= 0; j = nextDependent(v, j)) {
    const t = v.tokens[j];
    if (t.deprel === 'compound' && t.pos === 'NOUN') return t;
    if (t.deprel === 'nmod' && dependent(v, j, CASE)?.lower === 'of') return t;
  }
  return null;
}

/**
 * A strike carried by a light verb. Labour when its words or its strikers say so ("a general
 * strike", "workers staged a strike against pension reform", "doctors launched a strike");
 * military when its words say so ("missile strikes"); otherwise military when launched or carried
 * out, or aimed against/on something by any other verb than those that hold a labour strike.
 */
function strikeType(v: SentenceView, k: number, verb: string, at: number): PloverCategory {
  let aimed = false;
  for (let j = firstDependent(v, at); j >= 0; j = nextDependent(v, j)) {
    const t = v.tokens[j];
    if (LABOUR_STRIKE.has(t.lemma.toLowerCase())) return 'PROTEST';
    if (MILITARY_STRIKE.has(t.lemma.toLowerCase())) return 'ASSAULT';
    const prep = dependent(v, j, CASE)?.lower;
    if (prep === 'against' || prep === 'on') aimed = true;
  }
  const subject = dependent(v, k, NSUBJ);
  if (subject && STRIKERS.has(subject.lemma.toLowerCase())) return 'PROTEST';
  if (STRIKE_LAUNCHERS.has(verb)) return 'ASSAULT';
  return aimed && !HELD_STRIKE.has(verb) ? 'ASSAULT' : 'PROTEST';
}

/** Is the mention an actor of some standing (not a group of no office: "Americans", "students")? */
function ofStanding(v: SentenceView, m: Mention | null | undefined): boolean {
  const a = m?.id ? v.doc.actors.get(m.id) : undefined;
  return !!a && !(a.kind === 'group' && (a.sector === null || a.sector === 'CVL'));
}

/** Does the verb at k have an actor of some standing as its object? */
function partyObject(v: SentenceView, k: number): boolean {
  const o = dependent(v, k, OBJECTS);
  return ofStanding(v, o && (v.endAt.get(o.index) ?? v.startAt.get(o.index)));
}

/**
 * A verb written with a hyphenated first part ("North Korea test-fired a missile", "Israeli jets
 * air-dropped bombs"): the tokenizer splits it as UD does (test | - | fired) and the parse
 * hangs the first part on the verb, so the trigger is the verb's, read over the three tokens. It
 * is a verb only right after its subject; after a determiner, a preposition or an adjective, or
 * with a name, an adverb or an adjective for its first part, the compound describes a noun ("a
 * long-threatened invasion", "Iran-backed militias", "in government-held areas").
 */
function verbCompound(v: SentenceView, k: number): boolean {
  if (k - 3 < v.s.first) return false;
  const x = v.tokens[k - 2];
  if (v.tokens[k].pos !== 'VERB' || !(x.pos === 'NOUN' || x.pos === 'VERB') || x.text !== x.lower)
    return false;
  if (v.startAt.has(k - 2) || v.endAt.has(k - 2)) return false;
  const subject = v.endAt.get(k - 3);
  // A nationality adjective is a modifier ("Chinese state-backed hackers"), not the subject.
  if (!subject || v.tokens[k - 3].pos === 'ADJ') return false;
  const s = subjectBefore(v, k - 2);
  return s.length > 0 && s[s.length - 1].last === k - 2;
}

function trigger(v: SentenceView, k: number): Trigger | null {
  if (!inCompound(v, k)) return verbTrigger(v, k);
  if (!verbCompound(v, k)) return null;
  const trig = verbTrigger(v, k);
  return trig && { ...trig, first: k - 2 };
}

function verbTrigger(v: SentenceView, k: number): Trigger | null {
  const t = v.tokens[k];
  if (!verbal(v, k)) return null;
  const lemma = verbLemma(t);
  const senses = VERBS.get(lemma) ?? [];
  if (!senses.length && !LIGHT_VERBS.has(lemma)) return null;
  // The verb's object and, for a passive, its patient: the same for every sense.
  const direct = directObject(v, k);
  // The object as the senses read it: what a container holds ("announced a package of sanctions").
  const object = senses.length && direct ? (contentOf(v, direct) ?? direct) : null;
  const patient = senses.some((s) => s.notObjects) ? (object ?? dependent(v, k, NSUBJ_PASS)) : null;
  for (const sense of senses) {
    let last = k + 1;
    if (sense.needs) {
      const w = within(v, k + 1, 4, (u) => (sense.needs as string[]).includes(u.lower));
      if (!w) continue;
      if (w.index === k + 1) last = k + 2;
    }
    if (sense.objects && sense.direct) {
      const o = object ? [object.lemma.toLowerCase(), object.lower] : [];
      if (!o.some((w) => sense.objects?.includes(w))) continue;
    } else if (sense.objects) {
      const o = within(
        v,
        k + 1,
        9,
        (u) =>
          (sense.objects as string[]).includes(u.lemma) ||
          (sense.objects as string[]).includes(u.lower),
      );
      if (!o) continue;
    }
    if (sense.intransitive && object) continue;
    if (sense.party && !partyObject(v, k)) continue;
    if (sense.notObjects && patient && sense.notObjects.includes(patient.lemma.toLowerCase()))
      continue;
    if (sense.notClause && (v.tokens[k + 1]?.lower === 'that' || dependent(v, k, CCOMP))) continue;
    return { first: k, last, type: sense.type, mode: sense.mode ?? null };
  }
  if (LIGHT_VERBS.has(lemma)) {
    if (direct?.lemma === 'warning' && advisory(sentenceTree(v), direct.index - v.s.first))
      return null;
    const held = direct && contentOf(v, direct);
    const heldNoun = held && (PAIRS.get(`${lemma} ${held.lemma}`) ?? NOUNS.get(held.lemma));
    if (held && heldNoun)
      return {
        first: k,
        last: Math.max(held.index, direct.index) + 1,
        type: held.lemma === 'strike' ? strikeType(v, k, lemma, held.index) : heldNoun.type,
        mode: heldNoun.mode ?? null,
      };
    for (let j = k + 1; j < Math.min(v.s.last, k + 6); j++) {
      const u = v.tokens[j];
      if (u.text === '-' || inCompound(v, j)) continue;
      if (u.pos === 'VERB' || u.pos === 'PUNCT' || (v.startAt.has(j) && !v.startAt.get(j)?.pronoun))
        break;
      // A phrase-final adjective reading is a noun too ("a new offensive").
      const next = v.tokens[j + 1];
      const nounish =
        u.pos === 'NOUN' ||
        u.pos === 'PROPN' ||
        (u.pos === 'ADJ' && !(next?.pos === 'NOUN' || next?.pos === 'ADJ'));
      const noun = nounish
        ? (PAIRS.get(`${lemma} ${u.lemma}`) ?? NOUNS.get(u.lemma) ?? NOUNS.get(u.lower))
        : undefined;
      if (noun)
        return {
          first: k,
          last: j + 1,
          type: u.lemma === 'strike' ? strikeType(v, k, lemma, j) : noun.type,
          mode: noun.mode ?? null,
        };
    }
  }
  return null;
}

/** Relations by which a verb heads a clause of its own: coordinated verbs and sentences. */
const OWN_CLAUSE = new Set(['conj', 'parataxis', 'list']);
const RELATIVE = new Set(['acl:relcl', 'acl']);
/** Relations by which a "where" clause hangs from what it follows ("when": only acl:relcl). */
const RELATIVE_OR_ADVERBIAL = new Set(['acl:relcl', 'advcl']);

/** The path from token k up to the root in the parse, at most 40 tokens long: is `at` on it? */
function onPathUp(v: SentenceView, k: number, at: number): boolean {
  for (let j = k, n = 0; j >= v.s.first && n < 40; j = v.tokens[j].head, n++) {
    if (j === at) return true;
    if (v.tokens[j].head < 0) break;
  }
  return false;
}

/**
 * Is the verb at k still inside the clause of the trigger at `head`, which absorbs it? Its
 * complements are ("agreed to reopen", "demanded that France provide"); a coordinated verb, a
 * "where" clause ("hosted them at the White House, where the leaders signed …", which a parser
 * attaches as a relative clause, an adverbial one or a conjunct alike) and the main verb after a
 * relative clause ("Americans who were detained … have been released") are not.
 */
function governs(v: SentenceView, head: number, k: number): boolean {
  if (head < 0) return true;
  const { tokens } = v;
  if (onPathUp(v, k, head)) {
    for (let j = k; j !== head; j = tokens[j].head) {
      const deprel = tokens[j].deprel;
      if (OWN_CLAUSE.has(deprel)) return false;
      if (RELATIVE_OR_ADVERBIAL.has(deprel) && whereClause(v, j, deprel)) return false;
    }
    return true;
  }
  // k is outside the trigger's phrase: free when the trigger sat in a relative clause.
  for (let j = head, n = 0; j >= v.s.first && n < 40; j = tokens[j].head, n++) {
    if (RELATIVE.has(tokens[j].deprel) && !onPathUp(v, k, j)) return false;
    if (tokens[j].head < 0) break;
  }
  return true;
}

/**
 * A clause opened by "where" (relative or adverbial, as the parser has it) or a relative one
 * opened by "when" ("on Monday, when the leaders signed …"). An adverbial "when" clause ("met
 * when the talks resumed") stays the trigger's.
 */
function whereClause(v: SentenceView, verb: number, deprel: string): boolean {
  for (let j = firstDependent(v, verb); j >= 0; j = nextDependent(v, j)) {
    if (j >= verb) break;
    const t = v.tokens[j];
    if (t.lower === 'where' || (t.lower === 'when' && deprel === 'acl:relcl')) return true;
  }
  return false;
}

/**
 * The agent of a present participle that modifies a noun ("officials visiting Kyiv", "a warning to
 * Americans travelling to Iran"): that noun, not the clause's subject. The noun is the one right
 * before the participle, or the one the parse hangs it from (`acl`). Null when the verb is no such
 * participle, or modifies a thing, whose words are its issuer's ("issued a declaration demanding
 * …"); empty when its noun names people who are no actor of standing, whose comings and goings are
 * not events between parties ("journalists visiting Tehran", "Americans travelling to Iran").
 */
function participleAgent(v: SentenceView, k: number): Mention[] | null {
  const t = v.tokens[k];
  if (t.pos !== 'VERB' || !/ing$/.test(t.lower) || k === v.s.first) return null;
  const before = v.tokens[k - 1];
  const at = before?.pos === 'NOUN' || before?.pos === 'PROPN' || v.endAt.has(k - 1) ? k - 1 : -1;
  const noun = at >= 0 ? at : t.deprel === 'acl' ? t.head : -1;
  if (noun < 0) return null;
  const m = v.endAt.get(noun);
  if (m?.pronoun) return null;
  if (m) return ofStanding(v, m) ? [m] : [];
  return agentCode([v.tokens[noun].lemma]) ? [] : null;
}

/** Negation, failure and intention between the subject and the trigger. */
function modality(v: SentenceView, k: number): { negated: boolean; intent: string | null } {
  let negated = false;
  let intent: string | null = null;
  for (let j = k - 1; j >= Math.max(v.s.first, k - 5); j--) {
    const t = v.tokens[j];
    if (v.endAt.has(j) || t.pos === 'PUNCT' || (t.pos === 'VERB' && !INTENT.has(t.lower))) {
      if (t.lemma === 'fail' && v.tokens[j + 1]?.lower === 'to') negated = true;
      if (t.pos !== 'VERB') break;
      continue;
    }
    if (NEGATION.has(t.lower)) negated = true;
    if (INTENT.has(t.lower)) intent = t.lower;
  }
  return { negated, intent };
}

function unlessAfter(v: SentenceView, from: number, to: number): boolean {
  for (let j = from; j < Math.min(v.tail, to + 1); j++)
    if (v.tokens[j].lower === 'unless') return true;
  return false;
}

function without(v: SentenceView, from: number, to: number): number {
  for (let j = from; j < to; j++) if (v.tokens[j].lower === 'without') return j + 1;
  return -1;
}

function ids(ms: Mention[]): string[] {
  const out: string[] = [];
  for (const m of ms) if (m.id && !out.includes(m.id)) out.push(m.id);
  return out;
}

/** Modals that make "X must/should do Y" a demand on X. */
const DEMAND_MODALS = new Set(['must', 'should']);
const QUOTED = /["“”]/;
const sentenceText = (v: SentenceView): string => v.doc.text.slice(v.s.start, v.s.end);

/** Events of a report; `issuing` is the body or person a first-person release speaks for. */
export function events(doc: Doc, issuing: string | null = null): void {
  for (const v of sentenceViews(doc)) sentenceEvents(v, issuing);
  mergeRestatements(doc);
}

function sentenceEvents(v: SentenceView, issuing: string | null): void {
  const { s, tokens } = v;
  let absorbed = false;
  // The trigger that absorbed the rest of the clause, for the parse to set free what it does not govern.
  let absorber = -1;
  let conditional = false;
  for (let k = s.first; k < v.tail; k++) {
    if (k > s.first && opensClause(v, k)) {
      absorbed = false;
      // Verbs coordinated inside a conditional clause share its condition ("whenever anyone
      // seeks to harm X or attack Y").
      if (tokens[k].pos !== 'CCONJ') conditional = false;
    }
    const t = tokens[k];
    if (CONDITIONAL.has(t.lower)) conditional = true;
    // "X must do Y" reported as a demand: the speaker requests, the subject is asked.
    if (DEMAND_MODALS.has(t.lower) && t.pos === 'AUX' && !absorbed && !conditional) {
      const asked = subjectBefore(v, k);
      const first = asked[0]?.first ?? k;
      // "Russia said that Sudan must …": the speaker is the subject of the verb before "that".
      let that = first - 1;
      while (that > s.first && tokens[that].pos === 'DET') that--;
      const reported = tokens[that]?.lower === 'that';
      if (!reported) that = first;
      let speaker = ids(subjectBefore(v, that));
      // In a first-person release the issuer's own words make the demand ("Eritrean forces
      // should withdraw", "All parties must allow access").
      if (!speaker.length && !reported && issuing && !QUOTED.test(sentenceText(v)))
        speaker = [issuing];
      // Advice to the speaker's own people ("Americans should not travel there") asks nothing
      // of another actor.
      const own = ownCountries(v.doc, speaker);
      const addressees = ids(asked).filter(
        (id) => !speaker.includes(id) && !ownPeople(v.doc, id, own),
      );
      if (addressees.length && speaker.length && (t.lower === 'must' || !reported || issuing)) {
        push(
          v,
          { first: k, last: k + 1, type: 'REQUEST', mode: null },
          speaker,
          addressees,
          first,
          clauseEnd(v, k),
        );
        absorbed = true;
        absorber = tokens[k].head;
      }
      continue;
    }
    if (conditional || (absorbed && governs(v, absorber, k))) continue;
    // "cautioned Israel against attacking Rafah": what one is warned against has not happened.
    if (dependent(v, k, MARK)?.lower === 'against') continue;
    const trig = trigger(v, k);
    if (!trig) continue;
    absorbed = true;
    absorber = k;
    const end = clauseEnd(v, trig.first);
    let { type, mode } = trig;
    const m = modality(v, k);
    if (m.negated && m.intent && without(v, trig.last, end) >= 0) {
      // "would not commit … without U.S. guarantees": a conditional refusal is a demand.
      const w = without(v, trig.last, end);
      const actors = isParticipial(v, k) ? mainSubject(v, k) : subjectBefore(v, k);
      const asked = objectAfter(v, w, end, new Set(ids(actors)));
      push(
        v,
        { ...trig, type: 'REQUEST', mode: null },
        ids(actors),
        ids(asked),
        actors[0]?.first ?? k,
        end,
      );
      continue;
    }
    if (m.negated) {
      if (!COOPERATIVE.has(type)) continue;
      type = 'REJECT';
      mode = null;
    } else if (m.intent) {
      if (unlessAfter(v, trig.last, end) && type !== 'AGREE' && type !== 'REQUEST') {
        // "will withdraw … unless …": an intention made conditional is an ultimatum.
        type = 'THREATEN';
        mode = null;
      } else if (COOPERATIVE.has(type) && type !== 'AGREE') {
        type = 'AGREE';
        mode = null;
      } else if (MATERIAL_CONFLICT.has(type)) {
        type = m.intent === 'prepared' || m.intent === 'ready' ? 'MOBILIZE' : 'THREATEN';
        mode = null;
      }
    }
    let actors: Mention[];
    let recipients: Mention[];
    let clauseStart: number;
    if (isPassive(v, k)) {
      recipients = subjectBefore(v, k);
      // "A camp for Congolese refugees was attacked": the nearest actor in the subject phrase.
      if (!recipients.length) recipients = nearestBefore(v, k);
      actors = agentAfter(v, trig.last, end);
      clauseStart = recipients[0]?.first ?? k;
    } else {
      const agent = participleAgent(v, k);
      if (agent && !agent.length) continue;
      actors = agent ?? (isParticipial(v, k) ? mainSubject(v, k) : subjectBefore(v, k));
      // An infinitive after a non-trigger verb ("continued to back") takes that verb's subject.
      if (!actors.length && tokens[k - 1]?.lower === 'to') actors = subjectBefore(v, k - 1);
      if (!actors.length && isParticipial(v, k)) actors = [];
      clauseStart = actors[0]?.first ?? k;
      recipients = objectAfter(v, trig.last, end, new Set(ids(actors)));
    }
    // An action on a place ("imposed a curfew in Algiers", "will evacuate settlements in the
    // Gaza Strip", "delivered aid to Gaza") is directed at the place's state.
    if (!recipients.length && (AT_PLACE.has(trig.type) || type === 'THREATEN'))
      recipients = placeStates(v, trig.last, end);
    // A threat is aimed at whoever must meet its condition ("… if the United States goes ahead").
    if (!recipients.length && type === 'THREATEN' && CONDITIONAL.has(tokens[end]?.lower ?? ''))
      recipients = objectAfter(v, end + 1, clauseEnd(v, end), new Set(ids(actors)));
    if (!actors.length && !recipients.length) continue;
    push(v, { ...trig, type, mode }, ids(actors), ids(recipients), clauseStart, end);
    possessedProposal(v, trig.last, end, actors);
  }
  nominal(v);
}

/** The countries a speaker belongs to, or the report's home state for one without. */
function ownCountries(doc: Doc, speaker: string[]): Set<string> {
  const out = new Set<string>();
  for (const id of speaker) {
    const c = doc.actors.get(id)?.country ?? homeState(doc);
    if (c) out.add(c);
  }
  return out;
}

/** Citizens of one of these countries: a group of no office ("Americans", "U.S. citizens"). */
function ownPeople(doc: Doc, id: string, countries: Set<string>): boolean {
  const a = doc.actors.get(id);
  return (
    a?.kind === 'group' &&
    !!a.country &&
    countries.has(a.country) &&
    (a.sector === null || a.sector === 'CVL')
  );
}

const WISHES = new Set<PloverCategory>(['REQUEST', 'REJECT', 'THREATEN', 'AGREE']);

/** Event nouns with participants of their own, of a category no verb of the sentence coded. */
function nominal(v: SentenceView): void {
  const { doc, s, tokens } = v;
  // The sentence's events are the last ones pushed: sentences are coded in order.
  let from = doc.events.length;
  while (from > 0 && doc.events[from - 1].sentence === s.index) from--;
  const coded = doc.events.slice(from);
  const taken = new Set<number>();
  for (const e of coded)
    for (let k = s.first; k < s.last; k++)
      if (e.trigger && tokens[k].start >= e.trigger.start && tokens[k].end <= e.trigger.end)
        taken.add(k);
  const types = new Set(coded.map((e) => e.type));
  // Triggers of wishes: what they demand, reject, threaten or offer has not happened.
  const wishes: number[] = [];
  for (const e of coded)
    if (WISHES.has(e.type))
      for (const k of taken) if (e.trigger && tokens[k].start === e.trigger.start) wishes.push(k);
  for (const n of nominalEvents(v, taken)) {
    // "demanded the removal of X", "threatened to break relations with Russia"; but
    // "defended its people against rocket attacks launched by Hamas" reports the attacks.
    if (types.has(n.type) || wishes.some((k) => governs(v, k, n.at))) continue;
    types.add(n.type);
    const trig = { first: n.at, last: n.at + 1, type: n.type, mode: n.mode };
    push(v, trig, n.actors, n.recipients, n.first, n.last);
  }
}

function nearestBefore(v: SentenceView, k: number): Mention[] {
  for (let j = k - 1; j >= v.s.first; j--) {
    const t = v.tokens[j];
    if (t.text === ',' || t.text === ';' || t.pos === 'VERB') break;
    const m = v.endAt.get(j);
    if (m && !m.pronoun) return [m];
  }
  return [];
}

/** States of places in a clause, as stand-in mentions for recipients. */
function placeStates(v: SentenceView, from: number, to: number): Mention[] {
  const out: Mention[] = [];
  for (const p of v.places) {
    const country = p.place?.country;
    if (p.first < from || p.first >= to || !country || !ISO.has(country)) continue;
    ensureState(v.doc.actors, country);
    out.push({ ...p, id: `state:${country}`, place: undefined });
  }
  return out.slice(0, 1);
}

/**
 * "rejected the Trump administration's proposal to hold talks with Ukraine": the object is
 * itself an event of its possessor, addressed to the subject and to those in its complement.
 */
function possessedProposal(v: SentenceView, from: number, end: number, subject: Mention[]): void {
  const { tokens } = v;
  for (let j = from; j < Math.min(end, from + 6); j++) {
    const owner = v.endAt.get(j);
    if (!owner || owner.pronoun || !(tokens[j + 1]?.text === '’s' || tokens[j + 1]?.text === "'s"))
      continue;
    let n = j + 2;
    while (
      n < end &&
      (tokens[n].pos === 'ADJ' || (tokens[n].pos === 'NOUN' && !PROPOSALS.get(tokens[n].lemma)))
    )
      n++;
    const sense = PROPOSALS.get(tokens[n]?.lemma ?? '');
    if (!sense || !owner.id) return;
    const addressed = [
      ...ids(subject),
      ...ids(objectAfter(v, n + 1, end, new Set([owner.id]))),
    ].filter((id) => id !== owner.id);
    push(v, { first: n, last: n + 1, type: sense, mode: null }, [owner.id], addressed, j, end);
    return;
  }
}

function push(
  v: SentenceView,
  trig: Trigger,
  actors: string[],
  recipients: string[],
  from: number,
  to: number,
): void {
  const { doc, s, tokens } = v;
  const lo = tokens[Math.min(from, trig.first)].start;
  const hi = tokens[Math.max(from, to - 1)].end;
  const place =
    v.places.find((p) => p.start >= lo && p.end <= hi) ??
    v.places.find((p) => p.start < tokens[trig.first].start) ??
    null;
  let date = datesIn(doc, s.index).find((d) => d.start >= lo && d.end <= hi) ?? null;
  // A sentence-initial date ("On Friday, …") covers the whole sentence.
  if (!date) {
    const d = dateNear(doc, s.index, s.start);
    if (d && d.start - s.start < 12) date = d;
  }
  const recips = ONTOLOGY[trig.type].reciprocal
    ? recipients.filter((r) => !actors.includes(r))
    : recipients;
  const start = tokens[trig.first].start;
  const event: ExtractedEvent = {
    id: `ev-${shortHash(`${doc.meta.id}|${s.index}|${trig.type}|${start}`)}`,
    type: trig.type,
    mode: trig.mode,
    actors,
    recipients: recips,
    place: place?.id ?? null,
    // Without a date in the sentence, the report's date stands for the event's, as event coders
    // do with the story date.
    date: date?.value ?? doc.publishedAt,
    dateText: date?.text ?? null,
    sentence: s.index,
    text: doc.text.slice(s.start, s.end),
    trigger: { start, end: tokens[trig.last - 1].end },
    reportedBy: v.tailSpeaker?.actor?.media ? (v.tailSpeaker.id ?? null) : null,
  };
  doc.events.push(event);
}

/** The state a participant stands for, so "Ukrainian counterpart" and "Kyiv" compare equal. */
function key(doc: Doc, id: string, persons = false): string {
  const a = doc.actors.get(id);
  return a && (a.kind === 'group' || (persons && a.kind === 'person')) && a.affiliation
    ? a.affiliation
    : id;
}

const subset = (a: Set<string>, b: Set<string>): boolean => [...a].every((x) => b.has(x));

const FURTHER = new Set(['additional', 'new', 'further', 'another', 'fresh', 'more']);

/** The trigger phrase or the two words before it mark a further act of the same kind. */
function further(doc: Doc, e: ExtractedEvent): boolean {
  const trig = e.trigger;
  const s = doc.sentences[e.sentence];
  if (!trig || !s) return false;
  let first = s.first;
  while (first < s.last && doc.tokens[first].start < trig.start) first++;
  for (let k = Math.max(s.first, first - 2); k < s.last && doc.tokens[k].end <= trig.end; k++)
    if (FURTHER.has(doc.tokens[k].lower)) return true;
  return false;
}

/** A headline restating the body is one event reported in two sentences. */
export function mergeRestatements(doc: Doc): void {
  if (doc.events.length < 2) return; // nothing to merge, nor to sort
  const out: ExtractedEvent[] = [];
  // The participants' keys of each event kept, made once; and the places in `out` of the kept
  // events by type, in order, so that an event is compared with those of its type only.
  const keys = new Map<ExtractedEvent, { a: Set<string>; r: Set<string> }>();
  const byType = new Map<string, number[]>();
  for (const e of doc.events) {
    const ea = new Set(e.actors.map((x) => key(doc, x)));
    // On the receiving side an official stands for the state ("Russian envoy" ~ Russia).
    const er = new Set(e.recipients.map((x) => key(doc, x, true)));
    keys.set(e, { a: ea, r: er });
    const places = byType.get(e.type) ?? [];
    byType.set(e.type, places);
    // "additional sanctions", "a new attack": the later sentence reports a further act.
    const at = further(doc, e)
      ? undefined
      : places.find((i) => {
          const o = out[i];
          // Only dates the sentences state can tell two reports apart (not the report's own date).
          if (o.dateText && e.dateText && o.date !== e.date) return false;
          // A statement's demands are each a speech act of their own ("X must allow access. We
          // urge Y to …"); only a title restates one.
          const titled = doc.sentences[o.sentence]?.heading || doc.sentences[e.sentence]?.heading;
          if (e.type === 'REQUEST' && !titled) return false;
          const { a: oa, r: or } = keys.get(o) as { a: Set<string>; r: Set<string> };
          if (oa.size !== ea.size || !subset(oa, ea) || !ea.size) return false;
          return subset(or, er) || subset(er, or);
        });
    if (at === undefined) {
      places.push(out.length);
      out.push(e);
      continue;
    }
    const same = out[at];
    const heading = doc.sentences[same.sentence]?.heading;
    const richer =
      e.recipients.length > same.recipients.length ||
      (e.recipients.length === same.recipients.length && heading);
    const keep = richer ? e : same;
    const drop = richer ? same : e;
    keep.alsoIn = [
      ...new Set([...(keep.alsoIn ?? []), drop.sentence, ...(drop.alsoIn ?? [])]),
    ].sort((a, b) => a - b);
    keep.date ??= drop.date;
    keep.place ??= drop.place;
    if (richer) out[at] = e;
  }
  // Document order of the sentence each event is kept at.
  doc.events = sortInPlace(
    out,
    (a, b) => a.sentence - b.sentence || (a.trigger?.start ?? 0) - (b.trigger?.start ?? 0),
  );
}
