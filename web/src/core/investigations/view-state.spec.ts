import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, parseUrlState } from '../url/url-state.ts';
import { captureView, positionsOf, readInvestigationFile, restoredUrl } from './view-state.ts';

const VIEWS = ['network', 'console', 'documents', 'map', 'investigations'];

describe('saved investigation view state', () => {
  const url = parseUrlState(
    '?types=ACCUSE&actor=state:ukraine&at=2025-12-20&window=day&view=investigations&investigation=inv-old',
    VIEWS,
  );
  const drawn = new Map([
    ['state:ukraine', { x: 1.25, y: -3 }],
    ['state:russia', { x: 0, y: 7 }],
  ]);

  it('keeps the shareable state, positions, the drawn hidden and pinned actors and the expanded ones', () => {
    const v = captureView(
      url,
      drawn,
      new Set(['state:russia', 'gone']),
      new Set(['state:ukraine', 'gone']),
      ['state:russia', 'gone', 'state:russia'],
    );
    expect(v).toEqual({
      url: '?types=ACCUSE&actor=state%3Aukraine&at=2025-12-20&window=day',
      positions: { 'state:ukraine': [1.25, -3], 'state:russia': [0, 7] },
      hidden: ['state:russia'],
      pinned: ['state:ukraine'],
      expanded: ['state:russia'],
    });
    expect(positionsOf(v)).toEqual(drawn);
  });

  it('opens to the same state, with its id in the URL and the network shown', () => {
    const v = captureView(url, drawn, new Set(), new Set());
    const back = restoredUrl(v, 'inv-new', VIEWS);
    expect(back).toEqual({ ...url, view: 'network', investigation: 'inv-new' });
    expect(restoredUrl({ ...v, url: '' }, 'inv-x', VIEWS)).toEqual({
      ...DEFAULT_STATE,
      investigation: 'inv-x',
    });
  });

  it('says what is wrong with a file that is not an investigation', () => {
    expect(readInvestigationFile('{"name": ')).toEqual({
      error: expect.stringMatching(/^The file is not valid JSON/),
    });
    expect(readInvestigationFile('[1]')).toEqual({ error: expect.stringMatching(/JSON object/) });
    expect(readInvestigationFile('{"format": "gexf"}')).toEqual({
      error: expect.stringMatching(/not a Parley investigation/),
    });
    const file = { format: 'parley-investigation', version: 1, name: 'x', view: {} };
    expect(readInvestigationFile(JSON.stringify(file))).toEqual({ file });
  });
});
