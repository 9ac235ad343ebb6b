import { describe, expect, it } from 'vitest';
import type { ActorRef, EventItem } from '../../../../server/api/types.ts';
import { edgeOfEvent, eventsBetween, parseEdgeId } from './edge-events.ts';

const ref = (id: string): ActorRef => ({ id, name: id, kind: 'person', country: null });
const ev = (id: string, actors: string[], recipients: string[]): EventItem => ({
  id,
  type: 'CONSULT',
  mode: null,
  quad: 'verbal-cooperation',
  score: 2.5,
  date: null,
  dateText: null,
  text: id,
  actors: actors.map(ref),
  recipients: recipients.map(ref),
  place: null,
  evidence: [],
});

describe('edge events', () => {
  it('parses edge ids with ids that contain colons', () => {
    expect(parseEdgeId('person:kirill-dmitriev->state:USA')).toEqual({
      source: 'person:kirill-dmitriev',
      target: 'state:USA',
    });
    expect(parseEdgeId('nonsense')).toBeNull();
    expect(parseEdgeId('->b')).toBeNull();
  });
  it('keeps the events from source to target and the mutual ones, once', () => {
    const events = [
      ev('e1', ['a'], ['b']),
      ev('e2', ['b'], ['a']),
      ev('e3', ['a'], ['c']),
      ev('e1', ['a'], ['b']),
      ev('e4', ['a', 'b'], ['a', 'b']),
    ];
    expect(eventsBetween(events, 'a', 'b').map((e) => e.id)).toEqual(['e1', 'e4']);
    expect(eventsBetween(events, 'b', 'a').map((e) => e.id)).toEqual(['e2', 'e4']);
  });
  it('finds the drawn edge of an event in either direction, or none', () => {
    const drawn = new Set(['a->b', 'c->a']);
    const has = (id: string) => drawn.has(id);
    expect(edgeOfEvent(ev('1', ['a'], ['b']), has)).toBe('a->b');
    expect(edgeOfEvent(ev('2', ['a'], ['a', 'c']), has)).toBe('c->a');
    expect(edgeOfEvent(ev('3', ['a'], ['d']), has)).toBeNull();
    expect(edgeOfEvent(ev('4', ['a'], []), has)).toBeNull();
    expect(edgeOfEvent(ev('5', [], ['b']), has)).toBeNull();
  });
});
