// The viewer's filters and the API's schemas are one contract: whatever the rail can set, every
// endpoint that takes filters accepts (a 400 here once broke the timeline under any filter).
import { describe, expect, it } from 'vitest';
import { eventsQuery, exportQuery, networkQuery } from '../../server/api/schemas.ts';
import type { Ontology } from '../../server/api/types.ts';
import {
  NO_FILTERS,
  networkParams,
  setDateRange,
  toggleCountry,
  toggleKind,
  toggleType,
} from '../../web/src/core/filters/filters.ts';

const o: Ontology = {
  quads: ['verbal-cooperation', 'verbal-conflict'],
  categories: [
    { type: 'AGREE', quad: 'verbal-cooperation', score: 2.5, modes: {}, color: '#0a0' },
    { type: 'CONSULT', quad: 'verbal-cooperation', score: 2.5, modes: {}, color: '#0a0' },
    { type: 'REJECT', quad: 'verbal-conflict', score: -2, modes: {}, color: '#a00' },
  ],
};

describe('the filters as the server reads them', () => {
  it('every filter the viewer can set is accepted by /api/network, /api/events and /api/export', () => {
    let f = setDateRange(NO_FILTERS, '2025-12', '2025-12-20');
    f = toggleType(f, o, 'REJECT');
    f = toggleCountry(f, 'USA', ['RUS', 'USA', 'UKR']);
    f = toggleKind(f, 'person');
    const params = networkParams(f);
    for (const schema of [networkQuery, eventsQuery, exportQuery]) {
      const parsed = schema.safeParse(params);
      expect(parsed.error?.issues ?? []).toEqual([]);
    }
    expect(eventsQuery.parse(params)).toMatchObject({
      since: '2025-12',
      until: '2025-12-20',
      types: ['AGREE', 'CONSULT'],
      countries: ['RUS', 'UKR'],
      kinds: ['state', 'organization', 'group'],
    });
  });
});
