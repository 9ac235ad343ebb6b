import { describe, expect, it } from 'vitest';
import { dayNumber } from '../../../../domain/index.ts';
import {
  changedBetween,
  dayExtent,
  eventsIn,
  windowActivity,
  windowEnding,
  windowLabel,
  type TimedEdge,
} from './window.ts';

const d = (iso: string) => dayNumber(iso)!;
const edge = (id: string, days: string[], undated = 0): TimedEdge => {
  const [source, target] = id.split('>');
  return { id, source, target, days: days.map(d), undated };
};

describe('time window', () => {
  it('ends on the play position and spans the chosen size', () => {
    expect(windowEnding(d('2025-12-20'), 'week')).toEqual({
      start: d('2025-12-14'),
      end: d('2025-12-20'),
    });
    expect(windowEnding(d('2025-12-20'), 'day')).toEqual({
      start: d('2025-12-20'),
      end: d('2025-12-20'),
    });
  });

  it('"as of" a day holds every event up to it and none later, unfaded', () => {
    const w = windowEnding(d('2025-12-20'), 'asof');
    expect(w.end).toBe(d('2025-12-20'));
    const edges = [edge('a>b', ['2021-06-05', '2025-12-20']), edge('b>c', ['2025-12-21'])];
    const act = windowActivity(edges, w);
    expect([...act.edges]).toEqual([['a>b', { count: 2, fade: 1 }]]);
    expect(windowLabel(w)).toBe('As of 20 Dec 2025');
  });

  it('counts the events inside the window, both ends included', () => {
    const days = ['2025-12-01', '2025-12-14', '2025-12-14', '2025-12-20', '2025-12-21'].map(d);
    const w = windowEnding(d('2025-12-20'), 'week');
    expect(eventsIn(days, w)).toEqual({ count: 3, last: d('2025-12-20') });
    expect(eventsIn(days, windowEnding(d('2025-12-10'), 'week'))).toEqual({
      count: 0,
      last: null,
    });
  });

  it('shows the edges with events in the window and the actors at their ends, newest brightest', () => {
    const edges = [
      edge('a>b', ['2025-12-20']),
      edge('b>c', ['2025-12-14']),
      edge('c>d', ['2025-11-02']),
      edge('d>e', [], 2),
    ];
    const act = windowActivity(edges, windowEnding(d('2025-12-20'), 'week'));
    expect([...act.edges.keys()]).toEqual(['a>b', 'b>c']);
    expect([...act.nodes].sort()).toEqual(['a', 'b', 'c']);
    expect(act.edges.get('a>b')!.fade).toBe(1);
    expect(act.edges.get('b>c')!.fade).toBeCloseTo(0.3);
    // Undated edges: hidden by default, shown faded in every window when asked for.
    const withUndated = windowActivity(edges, windowEnding(d('2025-12-20'), 'week'), {
      undated: true,
    });
    expect(withUndated.edges.get('d>e')).toEqual({ count: 2, fade: 0.3 });
    // Without fading (big networks), an edge changes only when its count does.
    const flat = windowActivity(edges, windowEnding(d('2025-12-20'), 'week'), { fade: false });
    expect(flat.edges.get('b>c')).toEqual({ count: 1, fade: 1 });
  });

  it('names what changed from one window to the next', () => {
    const edges = [edge('a>b', ['2025-12-20']), edge('b>c', ['2025-12-10'])];
    const before = windowActivity(edges, windowEnding(d('2025-12-12'), 'week'));
    const after = windowActivity(edges, windowEnding(d('2025-12-20'), 'week'));
    const changed = changedBetween(before, after);
    expect(changed.edges.sort()).toEqual(['a>b', 'b>c']);
    expect(changed.nodes.sort()).toEqual(['a', 'c']);
    expect(changedBetween(after, after)).toEqual({ edges: [], nodes: [] });
  });

  it('spans the dated events and labels a window for the analyst', () => {
    expect(dayExtent([edge('a>b', ['2025-12-02', '2025-12-09']), edge('b>c', [], 1)])).toEqual({
      first: d('2025-12-02'),
      last: d('2025-12-09'),
    });
    expect(dayExtent([edge('b>c', [], 1)])).toBeNull();
    expect(windowLabel(windowEnding(d('2025-12-20'), 'week'))).toBe('14 Dec – 20 Dec 2025');
    expect(windowLabel(windowEnding(d('2026-01-02'), 'week'))).toBe('27 Dec 2025 – 2 Jan 2026');
    expect(windowLabel(windowEnding(d('2025-12-20'), 'day'))).toBe('20 Dec 2025');
  });
});
