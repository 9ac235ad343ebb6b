// Shared rendering of events and statements with their evidence (always as text).
import type {
  ActorRef,
  CurationMarks,
  EventItem,
  Evidence,
  Ontology,
  StatementItem,
} from '../../../server/api/types.ts';
import { scoreColor } from '../../../domain/index.ts';
import { textOn } from '../core/colors/palette.ts';
import { corroboration, corroborationNote } from '../core/evidence/corroboration.ts';
import { el } from '../dom/el.ts';

export function categoryColor(o: Ontology | null, type: string, score: number): string {
  return o?.categories.find((c) => c.type === type)?.color ?? scoreColor(score);
}

export function chip(label: string, color: string, title?: string): HTMLElement {
  return el('span', {
    class: 'chip',
    text: label,
    title,
    style: { background: color, color: textOn(color) },
  });
}

function evidenceBlock(ev: Evidence[], fallback: string): HTMLElement[] {
  const first = ev[0];
  const out: HTMLElement[] = [
    el('blockquote', { class: 'evidence', text: first?.sentence || fallback }),
  ];
  if (first) {
    const note = corroborationNote(corroboration(ev));
    out.push(
      el('div', {
        class: 'source',
        text: `${first.documentTitle ?? first.documentId}${note ? ` ${note}` : ''}`,
      }),
    );
  }
  return out;
}

/** What an analyst can do to a fact from the panel (none: a read-only list). */
export interface FactCuration {
  reject(f: EventItem | StatementItem): void;
  editEvent(e: EventItem): void;
  setSpeaker(s: StatementItem): void;
  confirm(id: string, label: string): void;
  note(id: string, label: string): void;
}

/** Badges for what analysts did to a fact or an actor. */
export function curationBadges(m: CurationMarks): HTMLElement | null {
  const badges = [
    m.confirmed
      ? el('span', {
          class: 'badge confirmed',
          text: '✓ confirmed',
          title: 'Verified by an analyst',
        })
      : null,
    m.rejected ? el('span', { class: 'badge rejected', text: 'rejected' }) : null,
    m.curations && !m.confirmed
      ? el('span', {
          class: 'badge curated',
          text: 'curated',
          title: `${m.curations} active curation${m.curations > 1 ? 's' : ''}`,
        })
      : null,
  ].filter(Boolean) as HTMLElement[];
  return badges.length ? el('span', { class: 'badges' }, badges) : null;
}

function factTools(f: EventItem | StatementItem, c: FactCuration, isEvent: boolean): HTMLElement {
  const label = f.text.slice(0, 60);
  const b = (text: string, title: string, fn: () => void) =>
    el('button', { type: 'button', class: 'tool', text, title, on: { click: fn } });
  return el('div', { class: 'fact-tools', role: 'toolbar', 'aria-label': 'Curate this fact' }, [
    b('Reject', 'Reject: out of the current view, kept with your reason', () => c.reject(f)),
    isEvent
      ? b('Edit', 'Correct the category, mode, date, actors, recipients or place', () =>
          c.editEvent(f as EventItem),
        )
      : b('Speaker', 'Correct who said it', () => c.setSpeaker(f as StatementItem)),
    f.confirmed
      ? null
      : b('Confirm', 'Mark as verified by an analyst', () => c.confirm(f.id, label)),
    b('Note', 'Add a note', () => c.note(f.id, label)),
  ]);
}

export function eventItem(
  e: EventItem,
  o: Ontology | null,
  onActor?: (id: string) => void,
  curate?: FactCuration,
): HTMLElement {
  const color = categoryColor(o, e.type, e.score);
  // Reciprocal events (meetings) list every participant on both sides: show them once.
  const mutual =
    e.actors.length > 1 &&
    e.actors.length === e.recipients.length &&
    e.actors.every((a) => e.recipients.some((r) => r.id === a.id));
  const who = mutual
    ? el('span', { class: 'who' }, [
        actorLinks(e.actors, onActor),
        el('span', { class: 'muted', text: ' (together)' }),
      ])
    : el('span', { class: 'who' }, [
        actorLinks(e.actors, onActor),
        e.recipients.length ? ' → ' : '',
        actorLinks(e.recipients, onActor),
      ]);
  return el('li', { class: 'fact event', dataset: { eventId: e.id, type: e.type } }, [
    el('div', { class: 'fact-head' }, [
      chip(e.mode ? `${e.type} · ${e.mode}` : e.type, color, `${e.quad}, score ${e.score}`),
      el('time', { class: 'date', text: e.date ?? e.dateText ?? 'undated' }),
      e.place ? el('span', { class: 'place', text: `in ${e.place.name}` }) : null,
      curationBadges(e),
    ]),
    who,
    ...evidenceBlock(e.evidence, e.text),
    curate ? factTools(e, curate, true) : null,
  ]);
}

function actorLinks(refs: ActorRef[], onActor?: (id: string) => void): HTMLElement {
  const span = el('span', {});
  refs.forEach((r, i) => {
    if (i > 0) span.append(', ');
    span.append(
      onActor
        ? el('button', {
            class: 'link',
            type: 'button',
            text: r.name,
            title: `Open ${r.name}`,
            on: { click: () => onActor(r.id) },
          })
        : el('span', { text: r.name }),
    );
  });
  return span;
}

export function statementItem(
  s: StatementItem,
  onActor?: (id: string) => void,
  curate?: FactCuration,
): HTMLElement {
  return el('li', { class: 'fact statement', dataset: { statementId: s.id } }, [
    el('div', { class: 'fact-head' }, [
      el('span', { class: 'verb', text: s.quote ? `${s.verb} (quote)` : s.verb }),
      el('time', { class: 'date', text: s.date ?? '' }),
      curationBadges(s),
    ]),
    el('span', { class: 'who' }, [
      actorLinks([s.speaker], onActor),
      s.about.length ? ' about ' : '',
      actorLinks(s.about, onActor),
      s.reportedBy ? `, reported by ${s.reportedBy.name}` : '',
    ]),
    ...evidenceBlock(s.evidence, s.text),
    curate ? factTools(s, curate, false) : null,
  ]);
}
