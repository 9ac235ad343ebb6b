import { describe, expect, it } from 'vitest';
import { agentCode, cameoCoding, cameoLemma, sectorOf } from './index.ts';

const words = (s: string) =>
  s.split(' ').map((w) => ({ lower: w, lemma: w.replace(/(?<!s)s$/, '') }));

describe('CAMEO verb patterns coded as PLOVER', () => {
  it('codes a verb by the words of its phrase, the most specific pattern first', () => {
    expect(cameoCoding('impose', words('new sanctions on iran'))?.type).toBe('COERCE');
    expect(cameoCoding('launch', words('a military operation against the rebels'))?.type).toBe(
      'ASSAULT',
    );
    expect(cameoCoding('call', words('for a ceasefire'))).toMatchObject({
      type: 'REQUEST',
      specific: true,
    });
    expect(cameoCoding('take', words('to the streets'))?.type).toBe('PROTEST');
  });

  it("falls back to the verb block's default only when asked", () => {
    expect(cameoCoding('deplore', words('the violence'))).toBeNull();
    expect(cameoCoding('deplore', words('the violence'), [], true)).toMatchObject({
      type: 'ACCUSE',
      specific: false,
    });
    expect(cameoCoding('frobnicate', words('the violence'), [], true)).toBeNull();
  });

  it('knows irregular forms of its verbs', () => {
    expect(cameoLemma('hurried', 'hurried')).toBe('hurry');
    expect(cameoLemma('zzz', 'zzz')).toBeNull();
  });
});

describe('Phoenix agents', () => {
  it('gives the sector of a nominal group, from the longest known ending', () => {
    expect(agentCode(['riot', 'police'])).toBe('COP');
    expect(agentCode(['Rebels'])).toBe('REB');
    expect(agentCode(['Sudanese', 'army', 'officers'])).toBe('MIL');
    expect(agentCode(['demonstrators'])).toBe('OPP');
    expect(agentCode(['teapots'])).toBeNull();
    expect(sectorOf('GOVMIL')).toBe('GOV');
  });
});
