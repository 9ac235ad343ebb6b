// Reopening an investigation expands its saved actors again: their neighbours are fetched all at
// once but drawn in the saved order (each expansion places its actors around those before), and
// the replay stops as soon as another investigation is opened, so its view gets none of them.

/** False when `current()` turned false on the way: the caller must not finish opening. */
export async function replayExpansions<T>(
  ids: readonly string[],
  fetch: (id: string) => Promise<T>,
  show: (id: string, got: T) => void,
  failed: (id: string, e: unknown) => void,
  current: () => boolean,
): Promise<boolean> {
  const pending = ids.map((id) =>
    fetch(id).then(
      (got) => ({ ok: true as const, got }),
      (e: unknown) => ({ ok: false as const, e }),
    ),
  );
  for (const [i, id] of ids.entries()) {
    const r = await pending[i];
    if (!current()) return false;
    if (r.ok) show(id, r.got);
    else failed(id, r.e);
  }
  return current();
}
