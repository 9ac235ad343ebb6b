// Lemmatizer learned from the treebank: suffix rewrite rules per UPOS ("-ies" → "-y" for NOUN,
// "-ied" → "-y" for VERB …), taken from the longest suffix seen, plus a table of the words the
// rules get wrong (went → go, mice → mouse, 's → be/have by tag). Proper nouns keep their form.
import type { Upos } from './types.ts';

const MAX_SUFFIX = 5;

/**
 * Past forms of English strong verbs that the treebank never shows (so neither its exceptions nor
 * the suffix rules know them: "froze" stayed "froze", and "froze the assets" was no sanction).
 * Consulted for verbs after the learned exceptions, which win where they know the form.
 */
const STRONG_VERBS = new Map(
  Object.entries({
    freeze: 'froze frozen',
    swear: 'swore sworn',
    shake: 'shook shaken',
    undertake: 'undertook undertaken',
    overtake: 'overtook overtaken',
    forgive: 'forgave forgiven',
    forsake: 'forsook forsaken',
    drink: 'drank drunk',
    sing: 'sang sung',
    sink: 'sank sunk',
    swim: 'swam swum',
    shrink: 'shrank shrunk',
    stink: 'stank stunk',
    spring: 'sprang sprung',
    ring: 'rang rung',
    beat: 'beat beaten',
    bite: 'bit bitten',
    hide: 'hid hidden',
    slay: 'slew slain',
    stride: 'strode stridden',
    strive: 'strove striven',
    weave: 'wove woven',
    tread: 'trod trodden',
    forbid: 'forbade forbidden',
    overthrow: 'overthrew overthrown',
    withdraw: 'withdrew withdrawn',
    withhold: 'withheld',
    uphold: 'upheld',
    foresee: 'foresaw foreseen',
    forgo: 'forwent forgone',
    befall: 'befell befallen',
    arise: 'arose arisen',
    awake: 'awoke awoken',
    bear: 'bore borne',
    tear: 'tore torn',
    wear: 'wore worn',
    spin: 'spun',
    sting: 'stung',
    swing: 'swung',
    wring: 'wrung',
    cling: 'clung',
    fling: 'flung',
    slink: 'slunk',
  }).flatMap(([lemma, forms]) => forms.split(' ').map((f) => [f, lemma] as const)),
);

export interface LemmaData {
  /** "UPOS suffix" → "strip add" (the rule that suffix most often takes). */
  rules: Record<string, string>;
  /** "UPOS lower-cased form" → lemma, where the rules are wrong. */
  exceptions: Record<string, string>;
}

export interface Lemmatizer {
  data: LemmaData;
  lemma(form: string, upos: Upos): string;
}

function ruleOf(form: string, lemma: string): string {
  let p = 0;
  while (p < form.length && p < lemma.length && form[p] === lemma[p]) p++;
  return `${form.length - p} ${lemma.slice(p)}`;
}

function apply(form: string, rule: string): string {
  const space = rule.indexOf(' ');
  const strip = Number(rule.slice(0, space));
  return form.slice(0, form.length - strip) + rule.slice(space + 1);
}

function byRules(rules: Map<string, string>, lower: string, upos: string): string {
  for (let k = Math.min(MAX_SUFFIX, lower.length - 1); k >= 1; k--) {
    const rule = rules.get(`${upos} ${lower.slice(lower.length - k)}`);
    if (rule !== undefined) return apply(lower, rule);
  }
  return lower;
}

/** The rules' lemma: open word classes by suffix, the rest as written (lower-cased). */
function byOpenClassRules(rules: Map<string, string>, lower: string, upos: Upos): string {
  if (upos === 'NOUN' || upos === 'VERB' || upos === 'ADJ' || upos === 'ADV' || upos === 'AUX')
    return byRules(rules, lower, upos);
  return lower;
}

const MEMO_SIZE = 50_000;

export function createLemmatizer(data: LemmaData): Lemmatizer {
  const rules = new Map(Object.entries(data.rules));
  const exceptions = new Map(Object.entries(data.exceptions));
  // Word frequencies are Zipfian: a bounded memo answers most lookups without building strings
  // (one map per UPOS, so the key is the form itself).
  const memo = new Map<Upos, Map<string, string>>();
  let memoSize = 0;
  const compute = (form: string, upos: Upos): string => {
    const lower = form.toLowerCase();
    const exception = exceptions.get(`${upos} ${lower}`);
    if (exception !== undefined) return exception;
    if (upos === 'VERB' || upos === 'AUX') {
      const strong = STRONG_VERBS.get(lower);
      if (strong !== undefined) return strong;
    }
    return byOpenClassRules(rules, lower, upos);
  };
  return {
    data,
    lemma(form, upos) {
      if (upos === 'PROPN') return form;
      let forms = memo.get(upos);
      let lemma = forms?.get(form);
      if (lemma === undefined) {
        lemma = compute(form, upos);
        if (memoSize >= MEMO_SIZE) {
          memo.clear();
          memoSize = 0;
          forms = undefined;
        }
        if (!forms) memo.set(upos, (forms = new Map()));
        forms.set(form, lemma);
        memoSize++;
      }
      return lemma;
    },
  };
}

export interface LemmaExample {
  form: string;
  upos: Upos;
  lemma: string;
}

export function trainLemmatizer(examples: Iterable<LemmaExample>): Lemmatizer {
  // Counts of each rule per (UPOS, suffix), and of each lemma per (UPOS, form).
  const ruleCounts = new Map<string, Map<string, number>>();
  const formCounts = new Map<string, Map<string, number>>();
  const inc = (m: Map<string, Map<string, number>>, k: string, v: string) => {
    let c = m.get(k);
    if (!c) m.set(k, (c = new Map()));
    c.set(v, (c.get(v) ?? 0) + 1);
  };
  for (const e of examples) {
    if (e.upos === 'PROPN') continue;
    const lower = e.form.toLowerCase();
    const lemma = e.lemma === '_' ? lower : e.lemma.toLowerCase();
    inc(formCounts, `${e.upos} ${lower}`, lemma);
    if (/^\p{L}+$/u.test(lower))
      for (let k = 1; k <= Math.min(MAX_SUFFIX, lower.length - 1); k++)
        inc(ruleCounts, `${e.upos} ${lower.slice(lower.length - k)}`, ruleOf(lower, lemma));
  }
  const best = (c: Map<string, number>) =>
    [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
  const rules: Record<string, string> = {};
  for (const key of [...ruleCounts.keys()].sort()) {
    const [rule, count] = best(ruleCounts.get(key)!);
    if (count >= 3 || rule === '0 ') rules[key] = rule;
  }
  // Rules for a suffix that agree with its shorter suffix add nothing.
  for (const key of Object.keys(rules)) {
    const [upos, suffix] = key.split(' ');
    if (suffix.length > 1 && rules[`${upos} ${suffix.slice(1)}`] === rules[key]) delete rules[key];
  }
  // The exceptions are what the rules alone get wrong (not the strong verbs' table, which is
  // code: the model file stays what the treebank gives).
  const ruleMap = new Map(Object.entries(rules));
  const exceptions: Record<string, string> = {};
  for (const key of [...formCounts.keys()].sort()) {
    const [lemma] = best(formCounts.get(key)!);
    const space = key.indexOf(' ');
    const upos = key.slice(0, space) as Upos;
    if (byOpenClassRules(ruleMap, key.slice(space + 1), upos) !== lemma) exceptions[key] = lemma;
  }
  return createLemmatizer({ rules, exceptions });
}
