import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';
import { analyse } from './index.ts';

const lemmaOf = (sentence: string, word: string) =>
  analyse(sentence)[0].tokens.find((t) => t.text === word)?.lemma;

describe('lemmas of strong verbs the treebank lacks', () => {
  it('gives the verb its base form', () => {
    expect(lemmaOf('Canada froze the accounts of the former minister.', 'froze')).toBe('freeze');
    expect(lemmaOf('The assets were frozen on Monday.', 'frozen')).toBe('freeze');
    expect(lemmaOf('The rebels swore to fight on.', 'swore')).toBe('swear');
    expect(lemmaOf('The army withdrew from the town.', 'withdrew')).toBe('withdraw');
  });

  it('codes a sanction told with "froze"', () => {
    const x = extract('The European Union froze the assets of three Russian banks on Monday.', {
      id: 'froze',
      publishedAt: '2024-03-04',
    });
    const name = (id: string) => x.actors.find((a) => a.id === id)?.name;
    expect(x.events.map((e) => [e.type, e.actors.map(name)])).toContainEqual([
      'SANCTION',
      ['European Union'],
    ]);
  });
});
