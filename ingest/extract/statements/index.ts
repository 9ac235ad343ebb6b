// Statements: who said what. A reporting verb with a clausal complement ("stressed that…",
// "said there would be…", "signaling they would…"), a trailing attribution (", a UN official
// said."), or "according to X". A news outlet in the attribution is the reporter, not a speaker.
import { datesIn } from '../dates/index.ts';
import { shortHash } from '../ids.ts';
import type { Doc } from '../model.ts';
import {
  isParticipial,
  mainSubject,
  subjectBefore,
  sentenceViews,
  type SentenceView,
} from '../syntax.ts';
import type { ExtractedStatement } from '../types.ts';
import { DATE_WORDS, READOUT_VERBS, REPORTING_VERBS } from '../words.ts';

const QUOTES = /["“”]/;
/** Verbs that name the hearer before what was said. */
const TELL = new Set(['tell', 'inform', 'assure', 'remind', 'brief']);

/** Where the clausal complement of a reporting verb at k starts, or -1 if it takes none. */
function complementStart(v: SentenceView, k: number): number {
  const { tokens } = v;
  let j = k + 1;
  const last = v.tail;
  while (j < last) {
    const t = tokens[j];
    if (
      t.pos === 'ADV' ||
      t.text === ',' ||
      DATE_WORDS.has(t.text) ||
      t.lower === 'on' ||
      t.lower === 'however' ||
      // "pointed out that"
      (j === k + 1 && t.lower === 'out')
    )
      j++;
    else break;
  }
  // "told reporters that …", "informed me that …", "assured them that …"
  if (TELL.has(tokens[k].lemma))
    for (let n = j; n < Math.min(last, j + 4); n++) {
      if (tokens[n].lower === 'that') return n + 1;
      // "told VOA: “I was …”", "told reporters, “The president will not …”"
      if (QUOTES.test(tokens[n].text) && n > j) return n + 1;
    }
  const t = tokens[j];
  if (!t || j >= last) return -1;
  if (t.lower === 'that' || QUOTES.test(t.text)) return j + 1;
  const subjectLike =
    t.pos === 'PRON' ||
    t.pos === 'DET' ||
    t.pos === 'PROPN' ||
    t.lower === 'there' ||
    v.startAt.has(j);
  if (!subjectLike) return -1;
  for (let n = j + 1; n < Math.min(last, j + 6); n++) {
    const u = tokens[n];
    if (u.pos === 'AUX' || (u.pos === 'VERB' && !/ing$/.test(u.lower))) return j;
    if (u.pos === 'PUNCT') break;
  }
  return -1;
}

/** "made clear that", "made it clear that": the index after "clear", else -1. */
function makesClear(v: SentenceView, k: number): number {
  const { tokens } = v;
  if (tokens[k].lemma !== 'make') return -1;
  let j = k + 1;
  if (tokens[j]?.lower === 'it') j++;
  return j < v.tail && tokens[j].lower === 'clear' ? j + 1 : -1;
}

function aboutOf(v: SentenceView, from: number, to: number, speaker: string | null): string[] {
  const out: string[] = [];
  for (let k = from; k < to; k++) {
    const m = v.startAt.get(k);
    if (m?.id && m.id !== speaker && !m.pronoun && !out.includes(m.id)) out.push(m.id);
  }
  return out;
}

export function statements(doc: Doc): void {
  for (const v of sentenceViews(doc)) sentenceStatements(v);
}

function sentenceStatements(v: SentenceView): void {
  const { doc, s, tokens } = v;
  const reporter = v.tailSpeaker?.actor?.media ? (v.tailSpeaker.id ?? null) : null;
  const found: { verb: number; from: number; speakers: string[] }[] = [];
  for (let k = s.first; k < v.tail; k++) {
    const t = tokens[k];
    const clear = makesClear(v, k);
    const reporting = REPORTING_VERBS.has(t.lemma);
    if (
      !(reporting || READOUT_VERBS.has(t.lemma) || clear > 0) ||
      !(t.pos === 'VERB' || (t.pos === 'NOUN' && v.endAt.has(k - 1)))
    )
      continue;
    let from = -1;
    if (clear > 0) from = tokens[clear]?.lower === 'that' ? clear + 1 : -1;
    else {
      const c = complementStart(v, k);
      // A readout verb reports speech only after "that" or a quote ("urged that Russia
      // withdraw"); otherwise ("urged continued work") it says only its object, below.
      const opens =
        c > k + 1 && (tokens[c - 1].lower === 'that' || QUOTES.test(tokens[c - 1].text));
      if (reporting || opens) from = c;
    }
    const subj = isParticipial(v, k) ? mainSubject(v, k) : subjectBefore(v, k);
    // In readouts the object is what was said ("President Biden underscored the importance of
    // …", "Chile has announced a new calendar"): only with the speaker right before the verb
    // and its auxiliaries, not "X's decision … underscored".
    if (from < 0 && READOUT_VERBS.has(t.lemma) && t.pos === 'VERB' && k + 1 < v.tail) {
      let j = k - 1;
      // Past the perfect or passive auxiliary ("has announced"), not a modal: "Kenya will
      // announce new aid" is a plan, not something said.
      while (
        j > s.first &&
        (tokens[j].pos === 'ADV' ||
          (tokens[j].pos === 'AUX' && (tokens[j].lemma === 'have' || tokens[j].lemma === 'be')))
      )
        j--;
      // Not inside what another speaker said ("He shared that the U.S. will announce …").
      const inside = found.some((f) => subj[0] && subj[0].first >= f.from);
      if (subj[0] && subj[0].last - 1 === j && !inside) from = k + 1;
    }
    if (from < 0) continue;
    const speaker = subj[0]?.id;
    // A news outlet as the subject of its own reporting verb speaks ("The BBC reported that …").
    if (!speaker) continue;
    // A "they" that stands for a pair ("A and B met … They said …") is said by each of them: a
    // statement has one speaker, so each gets one rather than the first taking it alone.
    const speakers = subj[0].pronoun
      ? [...new Set(subj.flatMap((m) => (m.id ? [m.id] : [])))]
      : [speaker];
    found.push({ verb: k, from, speakers });
  }
  const out: ExtractedStatement[] = [];
  found.forEach((f, i) => {
    // The complement runs to the next statement's speaker or the attribution.
    const nextVerb = found[i + 1]?.verb ?? v.tail;
    let to = nextVerb;
    if (found[i + 1]) {
      for (let n = nextVerb - 1; n > f.from; n--) {
        if (tokens[n].text === ',' || tokens[n].pos === 'CCONJ') {
          to = n;
          break;
        }
      }
    }
    while (to > f.from && (tokens[to - 1].pos === 'PUNCT' || tokens[to - 1].pos === 'CCONJ')) to--;
    if (to <= f.from) return;
    for (const speaker of f.speakers)
      out.push(make(v, f.verb, f.from, to, speaker, reporter, speaker !== f.speakers[0]));
  });
  // A trailing attribution by a speaker who is not a news outlet.
  if (v.tailSpeaker?.id && !v.tailSpeaker.actor?.media && v.tailVerb && !out.length) {
    out.push(make(v, v.tailVerb.index, s.first, v.tail, v.tailSpeaker.id, null));
  }
  doc.statements.push(...out);
}

function make(
  v: SentenceView,
  verb: number,
  from: number,
  to: number,
  speaker: string,
  reportedBy: string | null,
  /** A further speaker of the same words: its own id. */
  further = false,
): ExtractedStatement {
  const { doc, s, tokens } = v;
  const start = tokens[from].start;
  const end = tokens[to - 1].end;
  const text = doc.text.slice(start, end).replace(/^["“]|["”]$/g, '');
  // The statement's date sits by its verb ("said Saturday") or opens the sentence ("On Friday, …").
  const vt = tokens[verb];
  const inSentence = datesIn(doc, s.index);
  const date =
    inSentence.find(
      (d) =>
        d.start >= vt.start &&
        d.start <= tokens[Math.min(to, from + 1) - 1].end &&
        d.start < start + 1,
    ) ??
    inSentence.find((d) => d.start - s.start < 12) ??
    null;
  return {
    id: `st-${shortHash(`${doc.meta.id}|${s.index}|${vt.start}${further ? `|${speaker}` : ''}`)}`,
    speaker,
    verb: vt.text,
    text,
    quote: QUOTES.test(doc.text.slice(Math.max(s.start, start - 2), Math.min(s.end, end + 2))),
    date: date?.value ?? null,
    sentence: s.index,
    about: aboutOf(v, from, to, speaker),
    reportedBy,
  };
}
