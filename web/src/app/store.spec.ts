import { describe, expect, it } from 'vitest';
import { createStore, initialState, type AppState } from './store.ts';

describe('store', () => {
  it('merges a patch and tells every listener the new and previous state', () => {
    const store = createStore(initialState());
    const seen: [string | null, string | null][] = [];
    store.subscribe((s, prev) => seen.push([s.toast, prev.toast]));
    store.set({ toast: 'a' });
    store.set((s) => ({ toast: `${s.toast}b` }));
    expect(seen).toEqual([
      ['a', null],
      ['ab', 'a'],
    ]);
    expect(store.get().toast).toBe('ab');
  });

  it('tells a change made by a listener after the current change, to every listener in order', () => {
    const store = createStore(initialState());
    const first: string[] = [];
    const second: string[] = [];
    const log = (into: string[]) => (s: AppState, prev: AppState) =>
      into.push(`${prev.toast}→${s.toast}`);
    store.subscribe((s) => {
      if (s.toast === 'a') store.set({ toast: 'b' });
    });
    store.subscribe(log(first));
    store.subscribe(log(second));
    store.set({ toast: 'a' });
    expect(first).toEqual(['null→a', 'a→b']);
    expect(second).toEqual(['null→a', 'a→b']);
    expect(store.get().toast).toBe('b');
  });

  it('stops telling a listener that unsubscribed', () => {
    const store = createStore(initialState());
    let calls = 0;
    const off = store.subscribe(() => calls++);
    store.set({ toast: 'x' });
    off();
    store.set({ toast: 'y' });
    expect(calls).toBe(1);
  });
});
