import { describe, expect, it } from 'vitest';
import { extract } from '../index.ts';

const events = (text: string) =>
  extract(text, { id: 't', publishedAt: '2024-05-01' }).events.map((e) => ({
    type: e.type,
    actors: [...e.actors].sort(),
  }));

describe('a subject "they" continues the plural subject before it, on the parse', () => {
  it('a coordinated pair, past a singular subject in between', () => {
    const x = events(
      'President Tomas Rendl and Prime Minister Ivo Kral of Slovakia discussed the economy. ' +
        'President Rendl also thanked Austria for its support. They condemned the attack.',
    );
    expect(x).toContainEqual({
      type: 'ACCUSE',
      actors: ['person:ivo-kral', 'person:tomas-rendl'],
    });
  });

  it('both sides of a meeting', () => {
    const x = events(
      'President Tomas Rendl met Prime Minister Ivo Kral in Prague. They agreed to expand ' +
        'energy cooperation.',
    );
    expect(x).toContainEqual({
      type: 'AGREE',
      actors: ['person:ivo-kral', 'person:tomas-rendl'],
    });
  });

  it('the body whose members are the subject, not the state named after it', () => {
    const x = events(
      'The members of the Arctic Council condemned the attack on Norway. They urged Russia to ' +
        'withdraw its troops.',
    );
    expect(x).toContainEqual({ type: 'REQUEST', actors: ['org:arctic-council'] });
  });

  it('after an issuer\'s "We …" sentence naming two others, not the last of them', () => {
    const x = extract(
      'Statement by President Joe Biden on Aid\n\nWe are grateful to Norway for its support ' +
        'of Moldova. They have provided aid.',
      { id: 'w', publishedAt: '2024-05-01' },
    ).events;
    expect(x.filter((e) => e.actors.includes('state:MDA'))).toEqual([]);
  });
});
