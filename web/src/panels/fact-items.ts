// Shared rendering of events and statements with their evidence (always as text).
import type {
  ActorRef,
  EventItem,
  Evidence,
  Ontology,
  StatementItem,
} from '../../../server/api/types.ts';
import { scoreColor } from '../../../domain/index.ts';
import { textOn } from '../core/colors/palette.ts';
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
    const more = ev.length > 1 ? ` (+${ev.length - 1} more report${ev.length > 2 ? 's' : ''})` : '';
    out.push(
      el('div', { class: 'source', text: `${first.documentTitle ?? first.documentId}${more}` }),
    );
  }
  return out;
}

export function eventItem(
  e: EventItem,
  o: Ontology | null,
  onActor?: (id: string) => void,
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
    ]),
    who,
    ...evidenceBlock(e.evidence, e.text),
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

export function statementItem(s: StatementItem, onActor?: (id: string) => void): HTMLElement {
  return el('li', { class: 'fact statement', dataset: { statementId: s.id } }, [
    el('div', { class: 'fact-head' }, [
      el('span', { class: 'verb', text: s.quote ? `${s.verb} (quote)` : s.verb }),
      el('time', { class: 'date', text: s.date ?? '' }),
    ]),
    el('span', { class: 'who' }, [
      actorLinks([s.speaker], onActor),
      s.about.length ? ' about ' : '',
      actorLinks(s.about, onActor),
      s.reportedBy ? `, reported by ${s.reportedBy.name}` : '',
    ]),
    ...evidenceBlock(s.evidence, s.text),
  ]);
}
