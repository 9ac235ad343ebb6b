// The coder on hand-built dependency trees (UD relations, as the parser gives them), so that each
// construction is checked independently of the parser's accuracy.
import { describe, expect, it } from 'vitest';
import type { ParsedSentence, ParsedToken, Upos } from '../../nlp/types.ts';
import { extract } from '../index.ts';
import { codeEvents, type CoderContext } from './events.ts';
import { codeStatements, STATEMENT_VERBS } from './statements.ts';
import { tree, type ActorSpan } from './tree.ts';

/** Rows "form lemma UPOS head deprel" (head 1-based, 0 = root), as in CoNLL-U. */
function parse(
  rows: string,
  actors: [string, string][] = [],
): { s: ParsedSentence; spans: ActorSpan[] } {
  const tokens: ParsedToken[] = [];
  let at = 0;
  for (const row of rows.trim().split('\n')) {
    const [text, lemma, upos, head, deprel] = row.trim().split(/\s+/);
    tokens.push({
      text,
      lemma,
      upos: upos as Upos,
      head: Number(head) - 1,
      deprel,
      start: at,
      end: at + text.length,
    });
    at += text.length + 1;
  }
  const text = tokens.map((t) => t.text).join(' ');
  const spans = actors.map(([phrase, id]) => {
    const start = text.indexOf(phrase);
    if (start < 0) throw new Error(`no "${phrase}" in "${text}"`);
    return { start, end: start + phrase.length, id };
  });
  return { s: { index: 0, start: 0, end: at - 1, tokens, entities: [] }, spans };
}

const ctx: CoderContext = { issuer: null, reporting: STATEMENT_VERBS };
const events = (rows: string, actors: [string, string][], c: CoderContext = ctx) => {
  const { s, spans } = parse(rows, actors);
  return codeEvents(tree(s, spans), c).map(({ type, actors: a, recipients: r }) => ({
    type,
    actors: a,
    recipients: r,
  }));
};

describe('event coding on the parse', () => {
  it('a preposition the parser hung on a modifier still marks the phrase ("against [Liberation Front] positions")', () => {
    expect(
      events(
        `Chadian Chadian ADJ 2 amod
         strikes strike NOUN 0 root
         against against ADP 5 case
         Liberation Liberation PROPN 5 compound
         Front Front PROPN 6 compound
         positions position NOUN 2 nmod`,
        [
          ['Chadian', 'state:TCD'],
          ['Liberation Front', 'org:liberation-front'],
        ],
      ),
    ).toEqual([{ type: 'ASSAULT', actors: ['state:TCD'], recipients: ['org:liberation-front'] }]);
  });

  it('a participle modifying a noun has that noun for its agent, or codes nothing', () => {
    const rows = (noun: string) => `Iran Iran PROPN 2 nsubj
      freed free VERB 0 root
      the the DET 4 det
      ${noun} ${noun} NOUN 2 obj
      visiting visit VERB 4 acl
      Tehran Tehran PROPN 5 obj
      . . PUNCT 2 punct`;
    const iran: [string, string] = ['Iran', 'state:IRN'];
    const tehran: [string, string] = ['Tehran', 'state:IRN'];
    expect(events(rows('journalists'), [iran, tehran])).toEqual([
      { type: 'CONCEDE', actors: ['state:IRN'], recipients: [] },
    ]);
    expect(events(rows('diplomats'), [iran, ['diplomats', 'group:FRA-GOV'], tehran])).toEqual([
      { type: 'CONCEDE', actors: ['state:IRN'], recipients: ['group:FRA-GOV'] },
      { type: 'CONSULT', actors: ['group:FRA-GOV'], recipients: ['state:IRN'] },
    ]);
  });

  it('subject → actor, object → recipient', () => {
    const rows = `Russia Russia PROPN 2 nsubj
      attacked attack VERB 0 root
      Ukraine Ukraine PROPN 2 obj
      . . PUNCT 2 punct`;
    expect(
      events(rows, [
        ['Russia', 'state:RUS'],
        ['Ukraine', 'state:UKR'],
      ]),
    ).toEqual([{ type: 'ASSAULT', actors: ['state:RUS'], recipients: ['state:UKR'] }]);
  });

  it('passive: the subject is the recipient and the by-phrase the actor', () => {
    const rows = `Wingfield-Hayes Wingfield-Hayes PROPN 3 nsubj:pass
      was be AUX 3 aux:pass
      detained detain VERB 0 root
      by by ADP 5 case
      police police NOUN 3 obl:agent`;
    expect(
      events(rows, [
        ['Wingfield-Hayes', 'person:rwh'],
        ['police', 'group:PRK-COP'],
      ]),
    ).toEqual([{ type: 'COERCE', actors: ['group:PRK-COP'], recipients: ['person:rwh'] }]);
  });

  it('event nouns take their arguments from of / by / possessor, beside the verb that governs them', () => {
    const rows = `Leaders leader NOUN 2 nsubj
      condemned condemn VERB 0 root
      the the DET 4 det
      arrest arrest NOUN 2 obj
      of of ADP 6 case
      Pratasevich Pratasevich PROPN 4 nmod
      by by ADP 9 case
      Belarusian Belarusian ADJ 9 amod
      authorities authority NOUN 4 nmod`;
    const out = events(rows, [
      ['Pratasevich', 'person:rp'],
      ['Belarusian authorities', 'group:BLR-GOV'],
    ]);
    expect(out).toContainEqual({
      type: 'COERCE',
      actors: ['group:BLR-GOV'],
      recipients: ['person:rp'],
    });
  });

  it('talks between A and B: both sides, through coordination', () => {
    const rows = `Talks talk NOUN 6 nsubj
      between between ADP 3 case
      Armenia Armenia PROPN 1 nmod
      and and CCONJ 5 cc
      Azerbaijan Azerbaijan PROPN 3 conj
      ended end VERB 0 root`;
    expect(
      events(rows, [
        ['Armenia', 'state:ARM'],
        ['Azerbaijan', 'state:AZE'],
      ]),
    ).toEqual([{ type: 'CONSULT', actors: ['state:ARM', 'state:AZE'], recipients: [] }]);
  });

  it('a call between A and B: the names in apposition, "between" under the title', () => {
    const rows = `A a DET 3 det
      phone phone NOUN 3 compound
      call call NOUN 0 root
      between between ADP 5 case
      President President PROPN 6 nmod:desc
      Ruto Ruto PROPN 3 appos
      and and CCONJ 8 cc
      Museveni Museveni PROPN 6 conj`;
    expect(
      events(rows, [
        ['Ruto', 'person:ruto'],
        ['Museveni', 'person:museveni'],
      ]),
    ).toEqual([{ type: 'CONSULT', actors: ['person:ruto', 'person:museveni'], recipients: [] }]);
  });

  it('"strikes against X positions" with the event noun parsed as a compound of "positions"', () => {
    const rows = `Israeli Israeli ADJ 2 amod
      strikes strike NOUN 5 compound
      against against ADP 5 case
      Hamas Hamas PROPN 5 compound
      positions position NOUN 0 root`;
    expect(
      events(rows, [
        ['Israeli', 'state:ISR'],
        ['Hamas', 'org:hamas'],
      ]),
    ).toEqual([{ type: 'ASSAULT', actors: ['state:ISR'], recipients: ['org:hamas'] }]);
  });

  it('control: "agreed to meet with X" is one AGREE addressed to X', () => {
    const rows = `Iran Iran PROPN 2 nsubj
      agreed agree VERB 0 root
      to to PART 4 mark
      meet meet VERB 2 xcomp
      with with ADP 7 case
      the the DET 7 det
      IAEA IAEA PROPN 4 obl`;
    expect(
      events(rows, [
        ['Iran', 'state:IRN'],
        ['IAEA', 'org:iaea'],
      ]),
    ).toEqual([{ type: 'AGREE', actors: ['state:IRN'], recipients: ['org:iaea'] }]);
  });

  it('negation and intention decide the category: refused → REJECT, will attack → THREATEN, did not attack → nothing', () => {
    const refused = `Iran Iran PROPN 2 nsubj
      refused refuse VERB 0 root
      to to PART 4 mark
      meet meet VERB 2 xcomp
      the the DET 6 det
      envoy envoy NOUN 4 obj`;
    expect(
      events(refused, [
        ['Iran', 'state:IRN'],
        ['envoy', 'person:envoy'],
      ]),
    ).toEqual([{ type: 'REJECT', actors: ['state:IRN'], recipients: ['person:envoy'] }]);
    const will = `Russia Russia PROPN 3 nsubj
      will will AUX 3 aux
      attack attack VERB 0 root
      Ukraine Ukraine PROPN 3 obj`;
    expect(
      events(will, [
        ['Russia', 'state:RUS'],
        ['Ukraine', 'state:UKR'],
      ])[0]?.type,
    ).toBe('THREATEN');
    const not = `Russia Russia PROPN 4 nsubj
      did do AUX 4 aux
      not not PART 4 advmod
      attack attack VERB 0 root
      Ukraine Ukraine PROPN 4 obj`;
    expect(
      events(not, [
        ['Russia', 'state:RUS'],
        ['Ukraine', 'state:UKR'],
      ]),
    ).toEqual([]);
  });

  it('an event inside an if-clause is a condition, not a fact', () => {
    const rows = `If if SCONJ 3 mark
      Russia Russia PROPN 3 nsubj
      attacks attack VERB 6 advcl
      , , PUNCT 6 punct
      NATO NATO PROPN 6 nsubj
      responds respond VERB 0 root`;
    expect(
      events(rows, [
        ['Russia', 'state:RUS'],
        ['NATO', 'org:nato'],
      ]),
    ).toEqual([]);
  });

  it('"X must allow access": the issuer demands it of X', () => {
    const rows = `All all DET 2 det
      parties party NOUN 4 nsubj
      must must AUX 4 aux
      allow allow VERB 0 root
      access access NOUN 4 obj`;
    const c = { ...ctx, issuer: 'state:USA' };
    expect(events(rows, [['parties', 'group:parties']], c)).toEqual([
      { type: 'REQUEST', actors: ['state:USA'], recipients: ['group:parties'] },
    ]);
  });

  it('a light verb carries its event noun and the noun its partners ("imposed sanctions on Iran")', () => {
    const rows = `Washington Washington PROPN 2 nsubj
      imposed impose VERB 0 root
      new new ADJ 4 amod
      sanctions sanction NOUN 2 obj
      on on ADP 6 case
      Iran Iran PROPN 2 obl`;
    expect(
      events(rows, [
        ['Washington', 'state:USA'],
        ['Iran', 'state:IRN'],
      ]),
    ).toEqual([{ type: 'SANCTION', actors: ['state:USA'], recipients: ['state:IRN'] }]);
  });

  it('"strikes" by a state against a target are attacks, a hunger strike a protest', () => {
    const rows = `Israeli Israeli ADJ 2 amod
      strikes strike NOUN 0 root
      against against ADP 5 case
      Islamic Islamic PROPN 5 compound
      Jihad Jihad PROPN 2 nmod`;
    expect(
      events(rows, [
        ['Israeli', 'state:ISR'],
        ['Islamic Jihad', 'org:pij'],
      ]),
    ).toEqual([{ type: 'ASSAULT', actors: ['state:ISR'], recipients: ['org:pij'] }]);
  });

  it('the CAMEO dictionary codes verbs Parley has no sense for', () => {
    const rows = `Protesters protester NOUN 2 nsubj
      took take VERB 0 root
      to to ADP 5 case
      the the DET 5 det
      streets street NOUN 2 obl
      in in ADP 7 case
      Tehran Tehran PROPN 2 obl`;
    expect(events(rows, [['Protesters', 'group:IRN-OPP']])[0]?.type).toBe('PROTEST');
  });
});

describe('statements on the parse', () => {
  const said = (rows: string, actors: [string, string][]) => {
    const { s, spans } = parse(rows, actors);
    return codeStatements(tree(s, spans)).map((x) => ({
      speaker: x.speaker,
      text: s.tokens
        .slice(x.first, x.last)
        .map((t) => t.text)
        .join(' '),
    }));
  };

  it('a reporting verb with a complement: its subject says the complement', () => {
    const rows = `Blinken Blinken PROPN 2 nsubj
      stressed stress VERB 0 root
      that that SCONJ 6 mark
      Russia Russia PROPN 6 nsubj
      must must AUX 6 aux
      withdraw withdraw VERB 2 ccomp`;
    expect(
      said(rows, [
        ['Blinken', 'person:blinken'],
        ['Russia', 'state:RUS'],
      ]),
    ).toEqual([{ speaker: 'person:blinken', text: 'that Russia must withdraw' }]);
  });

  it('an attribution after the clause ("…, the minister said")', () => {
    const rows = `Israel Israel PROPN 3 nsubj
      will will AUX 3 aux
      respond respond VERB 0 root
      , , PUNCT 7 punct
      the the DET 6 det
      minister minister NOUN 7 nsubj
      said say VERB 3 parataxis`;
    expect(
      said(rows, [
        ['Israel', 'state:ISR'],
        ['minister', 'person:min'],
      ]),
    ).toEqual([{ speaker: 'person:min', text: 'Israel will respond' }]);
  });

  it('"according to X"', () => {
    const rows = `Talks talk NOUN 2 nsubj
      resumed resume VERB 0 root
      , , PUNCT 4 punct
      according accord VERB 6 case
      to to ADP 4 fixed
      Reuters Reuters PROPN 2 obl`;
    expect(said(rows, [['Reuters', 'org:reuters']])).toEqual([
      { speaker: 'org:reuters', text: 'Talks resumed' },
    ]);
  });
});

describe('extraction with a parser', () => {
  it('codes events and statements on the parse when extract() is given one', () => {
    const text = 'Statement by President Joe Biden\n\nWe condemn the arrest of Raman Pratasevich.';
    // What a parser gives for the body sentence (the title is left unparsed).
    const rows = `We we PRON 2 nsubj
      condemn condemn VERB 0 root
      the the DET 4 det
      arrest arrest NOUN 2 obj
      of of ADP 7 case
      Raman Raman PROPN 7 compound
      Pratasevich Pratasevich PROPN 4 nmod
      . . PUNCT 2 punct`;
    const parseBody = (t: string): ParsedSentence[] => {
      const { s } = parse(rows);
      let at = t.indexOf('We condemn');
      const tokens = s.tokens.map((tok) => {
        const start = t.indexOf(tok.text, at);
        at = start + tok.text.length;
        return { ...tok, start, end: at };
      });
      return [{ ...s, start: tokens[0].start, end: at, tokens }];
    };
    const x = extract(text, { id: 'p', publishedAt: '2021-05-24' }, { parse: parseBody });
    const accuse = x.events.find((e) => e.type === 'ACCUSE');
    expect(accuse?.actors).toEqual(['state:USA']);
    expect(x.events.some((e) => e.type === 'COERCE' && e.recipients.length === 1)).toBe(true);
    expect(
      extract(text, { id: 'p', publishedAt: '2021-05-24' }, { parse: () => [] }).events,
    ).toEqual([]);
  });
});
