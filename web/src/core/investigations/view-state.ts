// A saved investigation ⇄ the viewer's state: what is kept (the shareable state as its URL
// query, the drawn actors' positions, hidden and pinned actors, the actors whose neighbours were
// expanded) and how it is opened again.
// Pure: the investigations controller does the fetching and the store changes.
import type { InvestigationFile, InvestigationView } from '../../../../server/api/types.ts';
import type { Point } from '../layout/seed.ts';
import { formatUrlState, parseUrlState, type UrlState, type View } from '../url/url-state.ts';

/** The tab that lists investigations: opening one shows the view it keeps, not this list. */
export const LIST_VIEW = 'investigations';

/** What to keep of the current state. The list's own tab is kept as the network. */
export function captureView(
  url: UrlState,
  drawn: ReadonlyMap<string, Point>,
  hidden: ReadonlySet<string>,
  pinned: ReadonlySet<string>,
  expanded: readonly string[] = [],
): InvestigationView {
  const positions: Record<string, [number, number]> = {};
  for (const [id, p] of drawn) positions[id] = [p.x, p.y];
  return {
    url: formatUrlState({
      ...url,
      investigation: null,
      view: url.view === LIST_VIEW ? 'network' : url.view,
    }),
    positions,
    // Only actors that are drawn: the others would be noise in the file.
    hidden: [...hidden].filter((id) => drawn.has(id)).sort(),
    pinned: [...pinned].filter((id) => drawn.has(id)).sort(),
    expanded: [...new Set(expanded)].filter((id) => drawn.has(id)),
  };
}

/** The state an investigation opens to (its id stays in the URL, so the link opens it again). */
export function restoredUrl(view: InvestigationView, id: string, views: readonly View[]): UrlState {
  const url = parseUrlState(view.url, views);
  return { ...url, investigation: id, view: url.view === LIST_VIEW ? 'network' : url.view };
}

export function positionsOf(view: InvestigationView): Map<string, Point> {
  return new Map(Object.entries(view.positions).map(([id, [x, y]]) => [id, { x, y }]));
}

/**
 * A file chosen for import, read before it is sent: text that is not JSON, or JSON that is
 * plainly not an investigation, gets a message the analyst understands (the server checks the
 * rest, field by field).
 */
export function readInvestigationFile(
  text: string,
): { file: InvestigationFile } | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { error: `The file is not valid JSON (${(e as Error).message}).` };
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return { error: 'The file is not a Parley investigation (expected a JSON object).' };
  if ((raw as { format?: unknown }).format !== 'parley-investigation')
    return {
      error: 'The file is not a Parley investigation (no "format": "parley-investigation").',
    };
  return { file: raw as InvestigationFile };
}
