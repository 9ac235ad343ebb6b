// The entity corpora as the recognizer learns them (train/ner/corpus.ts): other names kept as
// MISC (learned, never returned) and honorifics moved out of persons' spans, as UNER annotates.
import { describe, expect, it } from 'vitest';
import { entitySpans } from '../../ingest/nlp/entities.ts';
import { readIob2, stripHonorifics } from '../../train/ner/corpus.ts';

describe('entity corpora', () => {
  it("reads UNER's OTH and Wikigold's MISC as MISC, which entitySpans never returns", () => {
    const [uner] = readIob2('1\tthe\tO\n2\tParis\tB-OTH\n3\tAgreement\tI-OTH\n4\tFrance\tB-LOC\n');
    expect(uner.tags).toEqual(['O', 'B-MISC', 'I-MISC', 'B-LOC']);
    expect(entitySpans(uner.tags)).toEqual([{ type: 'LOC', first: 3, last: 4 }]);
    const [wiki] = readIob2('Davis B-MISC\nCup I-MISC\nin O\nParis B-LOC\n');
    expect(wiki.tags).toEqual(['B-MISC', 'I-MISC', 'O', 'B-LOC']);
  });

  it('moves honorifics and offices out of a person span', () => {
    const s = stripHonorifics({
      words: ['Prime', 'Minister', 'Theresa', 'May', 'met', 'Mr', 'Johnson', 'and', 'Pope'],
      tags: ['B-PER', 'I-PER', 'I-PER', 'I-PER', 'O', 'B-PER', 'I-PER', 'O', 'B-PER'],
    });
    expect(entitySpans(s.tags).map((e) => s.words.slice(e.first, e.last).join(' '))).toEqual([
      'Theresa May',
      'Johnson',
    ]);
  });
});
