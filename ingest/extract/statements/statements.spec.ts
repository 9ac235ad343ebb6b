import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

describe('statements', () => {
  const text =
    'Danish Prime Minister Lars Holm said Tuesday that Copenhagen would increase aid, Reuters reported. ' +
    'He cautioned, however, that talks could stall. Estonia will not cede land, the Estonian foreign ministry said. ' +
    'Analysts warned that "the risk is rising".';
  const x = extract(text, { id: 's', publishedAt: '2024-05-10' });

  it('takes the speaker, verb, date and reporter of reported speech', () => {
    const s = x.statements[0];
    expect(s).toMatchObject({
      speaker: 'person:lars-holm',
      verb: 'said',
      date: '2024-05-07',
      reportedBy: 'org:reuters',
      quote: false,
    });
    expect(s.text).toBe('Copenhagen would increase aid');
    expect(s.about).toEqual(['state:DNK']);
  });

  it('reads "made clear that" and "made it clear that" as reported speech', () => {
    const c = extract(
      'Polish officials have made clear that Warsaw will not send troops. ' +
        'Latvia made it clear that it would respond. Estonia made a clear choice.',
      { id: 'c', publishedAt: '2024-05-10' },
    ).statements;
    expect(c.map((st) => [st.speaker, st.text])).toEqual([
      ['group:POL-GOV', 'Warsaw will not send troops'],
      ['state:LVA', 'it would respond'],
    ]);
  });

  it('resolves a pronoun speaker', () => {
    expect(x.statements[1]).toMatchObject({ speaker: 'person:lars-holm', verb: 'cautioned' });
  });

  it('takes a trailing attribution by a non-media speaker', () => {
    expect(x.statements[2]).toMatchObject({
      speaker: 'group:EST-GOV',
      text: 'Estonia will not cede land',
    });
  });

  it('marks direct quotes', () => {
    expect(x.statements.find((s) => s.verb === 'warned')).toMatchObject({
      speaker: 'group:analysts',
      quote: true,
    });
  });

  it('never makes a news outlet a speaker', () => {
    expect(x.statements.some((s) => s.speaker === 'org:reuters')).toBe(false);
  });
});

describe('statements of readouts and news outlets', () => {
  const text =
    'President Joe Biden underscored the importance of a durable settlement. ' +
    'Danish Prime Minister Lars Holm pointed out that the talks had stalled. ' +
    'The BBC reported that the journalist was detained. ' +
    'Holm’s decision to skip the meeting underscored the fragility of the effort.';
  const x = extract(text, { id: 'r', publishedAt: '2024-05-10' });
  const by = (speaker: string) => x.statements.filter((s) => s.speaker === speaker);

  it('a readout verb with a noun-phrase object is a statement of its subject', () => {
    expect(by('person:joe-biden')[0]?.text).toBe('the importance of a durable settlement');
  });

  it('"pointed out that" reports speech', () => {
    expect(by('person:lars-holm')[0]?.text).toBe('the talks had stalled');
  });

  it('a news outlet that reports in its own clause is the speaker', () => {
    expect(by('org:bbc')).toHaveLength(1);
  });

  it('a decision does not speak: no statement for "X’s decision … underscored"', () => {
    expect(x.statements.some((s) => s.text.includes('fragility'))).toBe(false);
  });
});

describe('speakers by the parse', () => {
  const speakers = (text: string) =>
    extract(text, { id: 'sp', publishedAt: '2016-05-20' }).statements.map((s) => s.speaker);

  it('"He" continues the subject of the sentence before, not its last person', () => {
    expect(
      speakers(
        'Secretary of State John Kerry visited Hiroshima with Shinzo Abe last month. He said he was deeply moved.',
      ),
    ).toEqual(['person:john-kerry']);
  });

  it('"who" after "X of the Y," is the person X', () => {
    expect(
      speakers(
        'Others strongly disagree, including Brian Harding of the Center for American Progress, who told VOA, “The president will not apologize.”',
      ),
    ).toEqual(['person:brian-harding']);
  });

  it('"told VOA: “…”" quotes what was told', () => {
    expect(
      speakers('Historian Chris Appy spoke at length. He told VOA: “I was very pleased.”'),
    ).toEqual(['person:chris-appy']);
  });
});

/** Speaker and text of each statement of a text. */
const said = (text: string) =>
  extract(text, { id: 'said', publishedAt: '2024-05-20' }).statements.map((s) => [
    s.speaker,
    s.text,
  ]);

describe('speakers described by the body they speak for', () => {
  it('"said a defense ministry spokesman" speaks for the ministry named before, and "He" after', () => {
    expect(
      said(
        'Poland’s Defense Ministry summoned the attaché. “The flights must stop,” said a defense ' +
          'ministry spokesman. He said that Warsaw would close the airspace.',
      ),
    ).toEqual([
      ['org:defense-ministry', 'The flights must stop'],
      ['org:defense-ministry', 'Warsaw would close the airspace'],
    ]);
  });

  it('a ministry spokesperson with no ministry named speaks for the government of the state before', () => {
    expect(
      said('Vietnam protested the survey. A foreign ministry spokeswoman said the ship had left.'),
    ).toEqual([['group:VNM-GOV', 'the ship had left']]);
  });

  it('a spokesperson with no state or ministry before is no speaker', () => {
    expect(said('A foreign ministry official said the talks were over.')).toEqual([]);
  });
});

describe('announcements and appeals in readouts', () => {
  it('"has announced" a thing is a statement of its subject, past the auxiliary', () => {
    expect(said('Chile has announced a new electoral calendar.')).toEqual([
      ['state:CHL', 'a new electoral calendar'],
    ]);
  });

  it('"urged" with a noun phrase says its object', () => {
    expect(
      said('President William Ruto urged continued work for unity among Kenyan leaders.'),
    ).toEqual([['person:william-ruto', 'continued work for unity among Kenyan leaders']]);
  });

  it('"will announce" is a plan, not something said: no statement', () => {
    expect(said('Kenya will announce new aid.')).toEqual([]);
  });

  it('"urged that" a readout verb says what follows "that"', () => {
    expect(said('President William Ruto urged that Russia withdraw its troops.')).toEqual([
      ['person:william-ruto', 'Russia withdraw its troops'],
    ]);
  });

  it('an announcement inside what another speaker said is not a statement of its own', () => {
    expect(
      said(
        'President William Ruto spoke on Monday. He shared that Kenya will announce new aid today.',
      ),
    ).toEqual([['person:william-ruto', 'Kenya will announce new aid today']]);
  });

  it('gives a "they" that stands for a pair a statement by each of them', () => {
    const st = extract(
      'Prime Minister Anna Varga and President Tomas Lind met in Riga on Friday. ' +
        'They said the border talks had been useful.',
      { id: 'p', publishedAt: '2024-05-10' },
    ).statements;
    expect(st.map((x) => [x.speaker, x.text])).toEqual([
      ['person:anna-varga', 'the border talks had been useful'],
      ['person:tomas-lind', 'the border talks had been useful'],
    ]);
    expect(new Set(st.map((x) => x.id)).size).toBe(2);
  });
});
