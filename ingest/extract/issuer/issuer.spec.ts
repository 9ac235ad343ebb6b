import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

const release = [
  'Statement by President Joe Biden on the Ceasefire in Gaza',
  '',
  'We call on all parties to fully implement the ceasefire. I thank President Abdel Fattah Al Sisi of Egypt for his work.',
  '“We will never give up,” Prime Minister Yair Lapid said.',
].join('\n');

describe('issuer resolution in first-person releases', () => {
  const x = extract(release, { id: 'gaza', publishedAt: '2022-08-07' });
  const at = (word: string, from = 0) => {
    const start = release.indexOf(word, from);
    return (id: string) =>
      x.actors.find((a) => a.id === id)?.mentions.some((m) => m.start === start) ?? false;
  };

  it('"we" is the issuing state and "I" the president who issues', () => {
    const request = x.events.find((e) => e.type === 'REQUEST');
    expect(request?.actors).toContain('state:USA');
    const thanks = x.events.find((e) => e.type === 'SUPPORT');
    expect(thanks?.actors).toContain('person:joe-biden');
  });

  it('leaves a quoted "we" to the quoted speaker', () => {
    const quotedWe = release.indexOf('We will never');
    const coded = [...x.events, ...x.statements].some((f) =>
      'speaker' in f ? false : f.actors.includes('state:USA') && f.text.includes('never give up'),
    );
    expect(coded).toBe(false);
    expect(at('We will never')('state:USA')).toBe(false);
    expect(quotedWe).toBeGreaterThan(0);
  });

  it('does nothing in a news report without an issuer', () => {
    const news = 'North Korea Expels BBC Journalists\n\n“We were told to leave,” a reporter said.';
    const y = extract(news, { id: 'nk', publishedAt: '2016-05-09' });
    expect(y.events.flatMap((e) => e.actors)).not.toContain('state:USA');
  });
});

describe('issuer pronouns', () => {
  it('an "I" written inside a name ("A/I Collective") is not the issuer', () => {
    const text = [
      'Imposing Sanctions on Violent Groups',
      'Thomas Pigott, Spokesperson',
      '',
      'Today, Canada is imposing sanctions against Autistici/Inventati (“A/I Collective”).',
      '',
      'The A/I Collective is an Italy-based group that supplies the digital infrastructure for Antifa cells.',
    ].join('\n');
    const x = extract(text, { id: 'ai', publishedAt: '2025-11-13' });
    expect(x.events.flatMap((e) => e.actors)).not.toContain('person:thomas-pigott');
  });
});
