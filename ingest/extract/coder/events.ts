// Events on the dependency parse, as PETRARCH2 codes them: a trigger with its arguments taken
// from relations (subject → actor; object and to/against/on/with → recipient; `by` in passives →
// actor; possessors and `of`/`between` of event nouns), with coordination, control ("agreed to
// meet"), negation, modality and conditions deciding the category or dropping the event.
import type { PloverCategory } from '../../../domain/index.ts';
import {
  CONDITIONAL,
  CONTAINERS,
  COOPERATIVE,
  INTENT,
  MATERIAL_CONFLICT,
  NEGATION,
} from '../events/lexicon.ts';
import { agentCode } from '../dictionaries/index.ts';
import { actorsOf, caseOf, childrenBy, span, type Tree } from './tree.ts';
import { isPassive, nounSense, rel, verbLemma, verbSense, type Sense } from './triggers.ts';

export interface CodedEvent {
  type: PloverCategory;
  mode: string | null;
  actors: string[];
  recipients: string[];
  /** Trigger token and the clause's token range [first, last), sentence-relative. */
  trigger: number;
  first: number;
  last: number;
}

export interface CoderContext {
  /** Who speaks where no reporting verb says: the issuer of a first-person release. */
  issuer: string | null;
  /** Reporting verbs (lemmas): an event inside their complement is reported, not theirs. */
  reporting: Set<string>;
}

/** Recipients' prepositions; `with` marks the partner of meetings and cooperation. */
const TOWARD = new Set([
  'to',
  'against',
  'on',
  'upon',
  'with',
  'toward',
  'towards',
  'at',
  'into',
  'over',
]);
/** Verbs whose infinitive complement carries the event ("continued to strike"). */
const ASPECT = new Set([
  'continue',
  'begin',
  'start',
  'resume',
  'keep',
  'try',
  'attempt',
  'help',
  'seek',
]);
/** Verbs whose infinitive complement is only intended ("plans to visit"). */
const PLANS = new Set([
  'plan',
  'intend',
  'prepare',
  'aim',
  'want',
  'expect',
  'hope',
  'decide',
  'commit',
]);
const HYPOTHETICAL = new Set(['could', 'may', 'might', 'can']);
const OBLIGATION = new Set(['must', 'should']);
/** Event nouns whose possessor and `of` are the patient ("Pratasevich's arrest", "the arrest of X"). */
const PATIENT_NOUNS = new Set([
  'arrest',
  'removal',
  'detention',
  'killing',
  'expulsion',
  'release',
  'evacuation',
  'designation',
]);

interface Modality {
  negated: boolean;
  intent: boolean;
  hypothetical: boolean;
  obligation: boolean;
  conditional: boolean;
}

function lemmaOf(t: Tree, i: number): string {
  return t.tokens[i].lemma.toLowerCase();
}

function modality(t: Tree, v: number): Modality {
  const m: Modality = {
    negated: false,
    intent: false,
    hypothetical: false,
    obligation: false,
    conditional: false,
  };
  for (const c of t.children[v]) {
    const r = t.tokens[c].deprel;
    const w = t.tokens[c].text.toLowerCase();
    const l = lemmaOf(t, c);
    if ((r === 'advmod' || r === 'part' || r === 'neg') && NEGATION.has(w)) m.negated = true;
    if (r === 'aux' && INTENT.has(w)) m.intent = true;
    if (r === 'aux' && HYPOTHETICAL.has(l)) m.hypothetical = true;
    if (r === 'aux' && OBLIGATION.has(l)) m.obligation = true;
  }
  // Up the chain of infinitive complements: "failed to", "plans to", "will continue to".
  let k = v;
  while (rel(t, k) === 'xcomp' && t.tokens[k].head >= 0) {
    const h = t.tokens[k].head;
    const l = verbLemma(t, h);
    if (l === 'fail' || l === 'refuse') m.negated = true;
    if (PLANS.has(l)) m.intent = true;
    const hm = modality(t, h);
    m.negated ||= hm.negated;
    m.intent ||= hm.intent;
    m.hypothetical ||= hm.hypothetical;
    k = h;
  }
  // Inside "if …" / "unless …" the event is a condition, not a fact.
  for (let j = v; j >= 0 && t.tokens[j].head >= 0; j = t.tokens[j].head) {
    if (
      rel(t, j) === 'advcl' &&
      t.children[j].some((c) => CONDITIONAL.has(t.tokens[c].text.toLowerCase()))
    ) {
      m.conditional = true;
      break;
    }
    if (rel(t, j) === 'ccomp' || rel(t, j) === 'parataxis') break;
  }
  return m;
}

/** A present participle modifying a noun ("journalists visiting Tehran"). */
const modifyingParticiple = (t: Tree, v: number): boolean =>
  t.tokens[v].deprel === 'acl' && /ing$/i.test(t.tokens[v].text);

/** The subject of a verb: its own, or the controller's, the shared one of coordinated verbs,
 * the noun a relative clause modifies. */
function subjectOf(t: Tree, v: number, seen = 0): string[] {
  const own = childrenBy(t, v, 'nsubj');
  if (own.length) {
    const ids = own.flatMap((s) => actorsOf(t, s));
    // A relative pronoun stands for the noun the clause modifies ("the group that attacked").
    if (ids.length || rel(t, v) !== 'acl') return ids;
  }
  const h = t.tokens[v].head;
  if (h < 0 || seen > 4) return [];
  const r = rel(t, v);
  // "officials visiting Kyiv": a present participle's agent is the noun it modifies too.
  if (r === 'acl' && (t.tokens[v].deprel === 'acl:relcl' || modifyingParticiple(t, v)))
    return actorsOf(t, h);
  if (r === 'xcomp') {
    // "urged Iran to stop": the object controls; "agreed to meet": the subject does.
    const obj = childrenBy(t, h, 'obj')[0];
    return obj !== undefined ? actorsOf(t, obj) : subjectOf(t, h, seen + 1);
  }
  if (r === 'conj' || (r === 'advcl' && /ing$/.test(t.tokens[v].text)))
    return subjectOf(t, h, seen + 1);
  return [];
}

/** Recipients of a verb from its objects and directed prepositional phrases. */
function objectsOf(
  t: Tree,
  v: number,
  passive: boolean,
): { recipients: string[]; agents: string[] } {
  const recipients: string[] = [];
  const agents: string[] = [];
  const add = (into: string[], ids: string[]) => {
    for (const id of ids) if (!into.includes(id)) into.push(id);
  };
  for (const c of t.children[v]) {
    const d = t.tokens[c].deprel;
    const r = rel(t, c);
    if (passive && (d === 'nsubj:pass' || d === 'nsubj')) add(recipients, actorsOf(t, c));
    else if (r === 'obj' || r === 'iobj') add(recipients, actorsOf(t, c));
    else if (r === 'obl') {
      const prep = caseOf(t, c);
      if (d === 'obl:agent' || prep === 'by') add(agents, actorsOf(t, c));
      else if (TOWARD.has(prep) || prep === 'between' || prep === 'from')
        add(recipients, actorsOf(t, c));
    }
  }
  return { recipients, agents };
}

/** The speaker of the reporting verb whose complement holds v, or the issuer. */
function speakerOver(t: Tree, v: number, ctx: CoderContext): string[] {
  for (let j = v; t.tokens[j].head >= 0; j = t.tokens[j].head) {
    const h = t.tokens[j].head;
    if (rel(t, j) === 'ccomp' && ctx.reporting.has(lemmaOf(t, h))) return subjectOf(t, h);
  }
  return ctx.issuer ? [ctx.issuer] : [];
}

function applyModality(type: PloverCategory, m: Modality): PloverCategory | null {
  if (m.conditional) return null;
  if (m.negated) return COOPERATIVE.has(type) ? 'REJECT' : null;
  if (m.hypothetical) return MATERIAL_CONFLICT.has(type) ? null : type;
  if (m.intent) {
    if (COOPERATIVE.has(type) && type !== 'AGREE' && type !== 'SUPPORT') return 'AGREE';
    if (MATERIAL_CONFLICT.has(type)) return 'THREATEN';
  }
  return type;
}

function verbEvent(t: Tree, v: number, sense: Sense, ctx: CoderContext): CodedEvent | null {
  const m = modality(t, v);
  // "X must allow access": the speaker demands it of X.
  if (m.obligation && !m.negated) {
    const asked = subjectOf(t, v);
    const speaker = speakerOver(t, v, ctx);
    if (!asked.length || !speaker.length) return null;
    const [first, last] = span(t, v);
    return {
      type: 'REQUEST',
      mode: null,
      actors: speaker,
      recipients: asked,
      trigger: v,
      first,
      last,
    };
  }
  // "will not … unless": an intention made conditional is an ultimatum.
  const unless = t.children[v].some(
    (c) =>
      rel(t, c) === 'advcl' &&
      t.children[c].some((k) => t.tokens[k].text.toLowerCase() === 'unless'),
  );
  let type = applyModality(sense.type, m);
  if (unless && m.intent && MATERIAL_CONFLICT.has(sense.type)) type = 'THREATEN';
  if (!type) return null;
  const passive = isPassive(t, v);
  const { recipients, agents } = objectsOf(t, v, passive);
  let actors = passive ? agents : subjectOf(t, v);
  // A participle whose noun names people who are no actor codes nothing ("journalists visiting
  // Tehran"): the visit is not its recipient's. A thing's words are its issuer's ("a declaration
  // demanding …"), as before.
  if (
    !actors.length &&
    modifyingParticiple(t, v) &&
    agentCode([lemmaOf(t, t.tokens[v].head)]) !== null
  )
    return null;
  if (!passive && !actors.length) actors = agents;
  // A light verb's noun brings its own partners ("held talks with Iran").
  if (sense.noun)
    for (const id of nounArguments(t, sense.at).recipients)
      if (!recipients.includes(id)) recipients.push(id);
  // "agreed to meet with X": the complement's partners are the event's.
  if (!recipients.length)
    for (const x of childrenBy(t, v, 'xcomp', 'ccomp'))
      for (const id of rel(t, x) === 'ccomp'
        ? subjectOf(t, x)
        : objectsOf(t, x, isPassive(t, x)).recipients)
        if (!actors.includes(id) && !recipients.includes(id)) recipients.push(id);
  const recips = recipients.filter((r) => !actors.includes(r));
  if (!actors.length && !recips.length) return null;
  const [first, last] = span(t, v);
  return {
    type,
    mode: type === sense.type ? sense.mode : null,
    actors,
    recipients: recips,
    trigger: sense.at,
    first,
    last,
  };
}

/**
 * Nouns of carrying something out: their possessor does the event noun they govern by `of`
 * ("Kenya's signing of the agreement", "Hamas's acceptance of the ceasefire").
 */
const CARRYING_OUT = new Set([
  'signing',
  'conclusion',
  'implementation',
  'acceptance',
  'holding',
  'hosting',
  'launch',
  'resumption',
  ...CONTAINERS,
]);

/** Arguments of an event noun: possessor and adjective, `by`, `of`, `between`, directed phrases. */
function nounArguments(t: Tree, n: number): { actors: string[]; recipients: string[] } {
  const actors: string[] = [];
  const recipients: string[] = [];
  const patient = PATIENT_NOUNS.has(lemmaOf(t, n));
  const add = (into: string[], ids: string[]) => {
    for (const id of ids)
      if (!into.includes(id) && !actors.includes(id) && !recipients.includes(id)) into.push(id);
  };
  // "of X" is the agent only when nothing else is ("the visit of the President"); after a
  // possessor or a `by` agent it is the patient ("Russia's invasion of Ukraine").
  const of: string[] = [];
  const h = t.tokens[n].head;
  if (h >= 0 && rel(t, n) === 'nmod' && caseOf(t, n) === 'of' && CARRYING_OUT.has(lemmaOf(t, h)))
    for (const c of childrenBy(t, h, 'nmod:poss')) add(actors, actorsOf(t, c));
  const prepositional = (prep: string, c: number) => {
    if (prep === 'by') add(actors, actorsOf(t, c));
    else if (prep === 'between' || prep === 'among') add(actors, actorsOf(t, c));
    else if (prep === 'of') of.push(...actorsOf(t, c));
    else if (TOWARD.has(prep)) add(recipients, actorsOf(t, c));
  };
  for (const c of t.children[n]) {
    const d = t.tokens[c].deprel;
    const r = rel(t, c);
    const prep = caseOf(t, c);
    if (d === 'nmod:poss' || r === 'amod' || r === 'compound')
      add(patient ? recipients : actors, actorsOf(t, c));
    // A name with a preposition of its own is a prepositional phrase, whatever it hangs by
    // ("a call between President X and Y" parsed with the names in apposition).
    else if (r === 'nmod' || r === 'obl' || (r === 'appos' && prep)) prepositional(prep, c);
    else if (r === 'acl') {
      // "rocket attacks launched by the group", "strikes carried out by Israel".
      for (const a of childrenBy(t, c, 'obl'))
        if (t.tokens[a].deprel === 'obl:agent' || caseOf(t, a) === 'by')
          add(actors, actorsOf(t, a));
    }
  }
  // "Israeli strikes against X positions" parsed with the event noun as a compound of the noun
  // after it: the preposition right after the event noun still opens its argument (the noun's
  // own modifiers were taken above, so they are not counted again).
  if (rel(t, n) === 'compound' && h > n + 1 && t.tokens[n + 1].deprel === 'case')
    prepositional(t.tokens[n + 1].text.toLowerCase(), h);
  add(patient || actors.length ? recipients : actors, of);
  return { actors, recipients };
}

export function nounEvent(t: Tree, sense: Sense): CodedEvent | null {
  const { actors, recipients } = nounArguments(t, sense.at);
  if (!actors.length && !recipients.length) return null;
  // "the prospect of talks", "a possible strike", "no agreement": not an event that happened.
  if (
    t.children[sense.at].some((c) =>
      ['no', 'possible', 'potential', 'future'].includes(lemmaOf(t, c)),
    )
  )
    return null;
  const [first, last] = span(t, sense.at, true);
  return { type: sense.type, mode: sense.mode, actors, recipients, trigger: sense.at, first, last };
}

/** Every event a parsed sentence reports. */
export function codeEvents(t: Tree, ctx: CoderContext): CodedEvent[] {
  const out: CodedEvent[] = [];
  const carried = new Set<number>();
  const absorbed = new Set<number>();
  const n = t.tokens.length;
  for (let v = 0; v < n; v++) {
    if (absorbed.has(v)) continue;
    const tok = t.tokens[v];
    if (tok.upos !== 'VERB') continue;
    // "continued to strike": the complement is the event, the aspect verb is not.
    const x = childrenBy(t, v, 'xcomp')[0];
    if (x !== undefined && ASPECT.has(verbLemma(t, v)) && verbSense(t, x)) continue;
    const sense = verbSense(t, v);
    if (!sense) continue;
    if (sense.noun) carried.add(sense.at);
    // The infinitive a trigger governs belongs to it ("agreed to meet", "threatened to strike").
    if (!ASPECT.has(verbLemma(t, v))) for (const c of childrenBy(t, v, 'xcomp')) absorbed.add(c);
    const e = verbEvent(t, v, sense, ctx);
    if (e) out.push(e);
  }
  for (let i = 0; i < n; i++) {
    if (carried.has(i)) continue;
    const sense = nounSense(t, i);
    if (!sense) continue;
    const e = nounEvent(t, sense);
    if (e) out.push(e);
  }
  return out.sort((a, b) => a.trigger - b.trigger);
}
