import { describe, expect, it } from 'vitest';
import { casedForNames, isTitleCase } from './title-case.ts';

const words = (s: string) => s.split(' ');
const none = () => 0;

describe('title-case headlines', () => {
  it('are lines whose words are all capitalised but the short ones, three or more', () => {
    expect(isTitleCase(words('Minister Announces New Trade Pact With Japan'))).toBe(true);
    expect(isTitleCase(words('Talks on the Future of the Region'))).toBe(true);
    expect(isTitleCase(words('The minister announced a pact .'))).toBe(false);
    expect(isTitleCase(words('Kyiv Talks'))).toBe(false);
    // a clitic split off a word is no word of its own: "’s", "'s", "n't"
    expect(isTitleCase(words('Kenya ’s Ruto Hosts Regional Peace Summit'))).toBe(true);
    expect(isTitleCase(words("Iran Does n't Rule Out Talks"))).toBe(true);
  });

  it('keep the capitals the body confirms or a known name starts, and lose the others', () => {
    const doc = [
      words('Prime Minister Modi Announces New Trade Pact With NATO Allies'),
      words('Prime Minister Narendra Modi said India had signed a new trade pact .'),
    ];
    const known = (w: readonly string[], i: number) => (w[i] === 'NATO' ? 1 : 0);
    expect(casedForNames(doc, known)[0].join(' ')).toBe(
      'Prime Minister Modi announces new trade pact with NATO allies',
    );
    // a known name keeps all its words, however the body writes them
    expect(casedForNames(doc, (w, i) => (w[i] === 'New' ? 3 : 0))[0].join(' ')).toBe(
      'Prime Minister Modi announces New Trade Pact with NATO allies',
    );
    expect(casedForNames(doc, none)[1]).toEqual(doc[1]);
  });

  it('change nothing without a body to tell names from words', () => {
    const alone = [words('President Trump Brokers Another Historic Peace Deal')];
    expect(casedForNames(alone, none)).toEqual(alone);
    const allHeadlines = [alone[0], words('Leaders Sign Joint Declaration')];
    expect(casedForNames(allHeadlines, none)).toEqual(allHeadlines);
  });
});
