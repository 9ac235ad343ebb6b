// Curation from the viewer: asks for the details (curation-dialog), sends the curation with the
// analyst's name, then reloads what shows it (network, card or edge, log). The name is asked
// once and kept in this browser.
import type { ActorCard, ApiBody, EventItem, StatementItem } from '../../../server/api/types.ts';
import type { PloverCategory } from '../../../domain/index.ts';
import { api } from '../api/client.ts';
import type { Store } from '../app/store.ts';
import { askCuration, type DialogField } from '../panels/curation-dialog.ts';
import type { DataController } from './data-controller.ts';
import { message } from './data-controller.ts';

const NAME_KEY = 'parley.analyst';
const KINDS = ['person', 'state', 'organization', 'group'];

type CurationBody = ApiBody<'/api/curations'>;
const ids = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
const sameIds = (a: string[], b: string[]) => a.join() === b.join();

export interface CurationController {
  mergeActor(card: ActorCard): Promise<void>;
  editActor(card: ActorCard): Promise<void>;
  confirm(id: string, label: string): Promise<void>;
  note(id: string, label: string): Promise<void>;
  reject(f: EventItem | StatementItem): Promise<void>;
  /** Category, mode, date, actors, recipients and place of an event, in one form. */
  editEvent(e: EventItem): Promise<void>;
  setSpeaker(s: StatementItem): Promise<void>;
  undo(id: string): Promise<void>;
  loadLog(): Promise<void>;
  setFilter(text: string): void;
}

export function createCurationController(store: Store, data: DataController): CurationController {
  const lookup = async (q: string) =>
    (await api.get('/api/search', { q: q })).items
      .filter((h) => h.type === 'actor')
      .map((h) => ({ id: h.id, label: h.label }));

  async function analyst(): Promise<string | null> {
    const known = localStorage.getItem(NAME_KEY);
    if (known) return known;
    const v = await askCuration(
      'Who is curating?',
      [
        {
          name: 'name',
          label: 'Your name (recorded with each curation)',
          kind: 'text',
          required: true,
        },
      ],
      'Continue',
    );
    if (!v?.name) return null;
    localStorage.setItem(NAME_KEY, v.name);
    return v.name;
  }

  /**
   * After curations (or an undo): the card, the dates and the log are read again, and the
   * network too unless every answer's patch was applied to it (see send).
   */
  async function refresh(patched: boolean): Promise<void> {
    if (patched) await Promise.all([data.refreshSelection(), data.reloadDates(), loadLog()]);
    else await Promise.all([data.reloadAll(), loadLog()]);
  }

  /**
   * Sends the curations in turn (one form may make several), then shows them. Each is sent
   * with the network on show, so its answer holds the patch of that network: applied at once,
   * the drawing staying as the analyst left it. Without one (the graph moved on meanwhile) or
   * on a failure, everything is read again.
   */
  async function send(body: CurationBody | CurationBody[], done: string): Promise<void> {
    const by = await analyst();
    if (!by) return;
    let patched = true;
    try {
      for (const b of Array.isArray(body) ? body : [body]) {
        const held = data.networkHeld();
        const made = await api.post('/api/curations', b, { analyst: by, ...held?.query });
        patched &&=
          made.network !== undefined &&
          data.patchNetwork(made.network, held?.network, made.op === 'merge' ? [made.target] : []);
      }
      store.set({ toast: done });
    } catch (e) {
      store.set({ toast: message(e) });
      patched = false;
    }
    await refresh(patched);
  }

  /** The places of the events on show, to offer in the event form. */
  function knownPlaces(): { value: string; label: string }[] {
    const s = store.get();
    const events = [
      ...(s.card.status === 'ready' ? s.card.data.events : []),
      ...(s.edgeEvents.status === 'ready' ? s.edgeEvents.data.items : []),
    ];
    const places = new Map<string, string>();
    for (const e of events) if (e.place) places.set(e.place.id, e.place.name);
    return [...places]
      .map(([value, label]) => ({ value, label }))
      .sort((a, b) => a.label.localeCompare(b.label));
  }

  async function ask(title: string, fields: DialogField[], submit: string) {
    return askCuration(title, fields, submit, lookup);
  }

  const reason = (v: Record<string, string>) => (v.reason ? { reason: v.reason } : {});

  async function loadLog(): Promise<void> {
    try {
      const { items } = await api.get('/api/curations', { limit: 500 });
      store.set({ curations: { status: 'ready', data: items } });
    } catch (e) {
      store.set({ curations: { status: 'error', message: message(e) } });
    }
  }

  return {
    async mergeActor(card) {
      const v = await ask(
        `Merge ${card.actor.name} into…`,
        [
          {
            name: 'into',
            label: 'The actor that stays (type a name)',
            kind: 'actor',
            required: true,
          },
        ],
        'Merge',
      );
      if (!v) return;
      await send(
        { op: 'merge', target: card.actor.id, into: v.into, ...reason(v) },
        `Merged ${card.actor.name} into ${v.into}`,
      );
      const into = v.into;
      store.set((s) => ({ url: { ...s.url, selection: { type: 'actor', id: into } } }));
    },
    async editActor(card) {
      const a = card.actor;
      const v = await ask(
        `Edit ${a.name}`,
        [
          { name: 'name', label: 'Name', kind: 'text', value: a.name, required: true },
          {
            name: 'kind',
            label: 'Kind',
            kind: 'select',
            value: a.kind,
            options: KINDS.map((k) => ({ value: k, label: k })),
          },
          { name: 'country', label: 'Country (ISO alpha-3)', kind: 'text', value: a.country ?? '' },
          { name: 'sector', label: 'Sector', kind: 'text', value: a.sector ?? '' },
        ],
        'Save',
      );
      if (!v) return;
      const changes: Record<string, string | null> = {};
      if (v.name !== a.name) changes.name = v.name;
      if (v.kind !== a.kind) changes.kind = v.kind;
      if ((v.country || null) !== a.country) changes.country = v.country.toUpperCase() || null;
      if ((v.sector || null) !== a.sector) changes.sector = v.sector || null;
      if (!Object.keys(changes).length) return store.set({ toast: 'Nothing changed.' });
      await send({ op: 'edit', target: a.id, changes, ...reason(v) }, `Saved ${v.name}`);
    },
    async confirm(id, label) {
      await send({ op: 'confirm', target: id }, `Confirmed ${label}`);
    },
    async note(id, label) {
      const v = await ask(
        `Note on ${label}`,
        [{ name: 'note', label: 'Note', kind: 'textarea', required: true }],
        'Add note',
      );
      if (v?.note) await send({ op: 'note', target: id, note: v.note, ...reason(v) }, 'Note added');
    },
    async reject(f) {
      const v = await ask(`Reject “${f.text.slice(0, 80)}”`, [], 'Reject');
      if (v)
        await send(
          { op: 'reject', target: f.id, ...reason(v) },
          'Rejected: out of the current view',
        );
    },
    async editEvent(e) {
      const o = store.get().ontology;
      const modes = Object.keys(o?.categories.find((c) => c.type === e.type)?.modes ?? {});
      const places = knownPlaces();
      if (e.place && !places.some((p) => p.value === e.place?.id))
        places.unshift({ value: e.place.id, label: e.place.name });
      const v = await ask(
        `Edit “${e.text.slice(0, 80)}”`,
        [
          {
            name: 'type',
            label: 'PLOVER category',
            kind: 'select',
            value: e.type,
            options: (o?.categories ?? []).map((c) => ({ value: c.type, label: c.type })),
          },
          {
            name: 'mode',
            label: 'Mode',
            kind: 'select',
            value: e.mode ?? '',
            options: [
              { value: '', label: '(none)' },
              ...modes.map((m) => ({ value: m, label: m })),
            ],
          },
          {
            name: 'date',
            label: 'Date (YYYY, YYYY-MM or YYYY-MM-DD)',
            kind: 'text',
            value: e.date ?? '',
          },
          {
            name: 'actors',
            label: 'Actors (type a name; ids, comma-separated)',
            kind: 'actors',
            value: e.actors.map((a) => a.id).join(', '),
          },
          {
            name: 'recipients',
            label: 'Recipients',
            kind: 'actors',
            value: e.recipients.map((a) => a.id).join(', '),
          },
          {
            name: 'place',
            label: 'Place',
            kind: 'select',
            value: e.place?.id ?? '',
            options: [{ value: '', label: '(none)' }, ...places],
          },
        ],
        'Save',
      );
      if (!v) return;
      const why = reason(v);
      const bodies: CurationBody[] = [];
      const changes: { type?: PloverCategory; mode?: string | null; date?: string | null } = {};
      if (v.type !== e.type) changes.type = v.type as PloverCategory;
      if ((v.mode || null) !== e.mode) changes.mode = v.mode || null;
      if ((v.date || null) !== e.date) changes.date = v.date || null;
      if (Object.keys(changes).length) bodies.push({ op: 'edit', target: e.id, changes, ...why });
      const actors = ids(v.actors);
      const recipients = ids(v.recipients);
      if (
        !sameIds(
          actors,
          e.actors.map((a) => a.id),
        ) ||
        !sameIds(
          recipients,
          e.recipients.map((a) => a.id),
        )
      )
        bodies.push({ op: 'set-actors', target: e.id, actors, recipients, ...why });
      if ((v.place || null) !== (e.place?.id ?? null))
        bodies.push({ op: 'set-place', target: e.id, place: v.place || null, ...why });
      if (!bodies.length) return store.set({ toast: 'Nothing changed.' });
      await send(bodies, 'Event corrected');
    },
    async setSpeaker(s) {
      const v = await ask(
        `Who said “${s.text.slice(0, 80)}”?`,
        [
          {
            name: 'speaker',
            label: 'Speaker (type a name)',
            kind: 'actor',
            value: s.speaker.id,
            required: true,
          },
        ],
        'Save',
      );
      if (!v || v.speaker === s.speaker.id) return;
      await send(
        { op: 'set-speaker', target: s.id, speaker: v.speaker, ...reason(v) },
        `Speaker: ${v.speaker}`,
      );
    },
    async undo(id) {
      const by = await analyst();
      if (!by) return;
      try {
        const held = data.networkHeld();
        const made = await api.post(
          '/api/curations/{id}/undo',
          {},
          { id, analyst: by, ...held?.query },
        );
        store.set({ toast: 'Curation undone' });
        await refresh(made.network !== undefined && data.patchNetwork(made.network, held?.network));
      } catch (e) {
        store.set({ toast: message(e) });
      }
    },
    loadLog,
    setFilter(text) {
      store.set({ curationFilter: text });
    },
  };
}
