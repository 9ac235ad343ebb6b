// The viewer's filters and the API's schemas are one contract: whatever the rail can set, every
// endpoint that takes filters accepts (a 400 here once broke the timeline under any filter).
import { describe, expect, it } from 'vitest';
import { eventsQuery, exportQuery, networkQuery } from '../../server/api/schemas.ts';
import { networkParams, type Filters } from '../../web/src/core/filters/filters.ts';

describe('the filters as the server reads them', () => {
  it('every filter the viewer can set is accepted by /api/network, /api/events and /api/export', () => {
    const f: Filters = {
      types: ['AGREE', 'CONSULT'],
      since: '2025-12',
      until: '2025-12-20',
      countries: ['RUS', 'UKR'],
      kinds: ['state', 'organization', 'group'],
    };
    const params = networkParams(f);
    for (const schema of [networkQuery, eventsQuery, exportQuery]) {
      expect(schema.safeParse(params).error?.issues ?? []).toEqual([]);
    }
    expect(eventsQuery.parse(params)).toMatchObject(f);
  });
});
