// Where each actor mentioned in a revision appears in its text. The graph stores only a count
// per revision (MENTIONED_IN.count), so spans are found again from the actor's name and aliases:
// whole-word, case-sensitive, longest form first, no overlaps. When the ingest stores the
// extractor's spans on the edge (`spans: [start, end, start, end, …]`), those are used instead.

export interface MentionedActor {
  actorId: string;
  name: string;
  kind: string;
  forms: string[];
  spans: number[] | null;
}

export interface MentionSpan {
  actorId: string;
  name: string;
  kind: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]/u;

function isBoundary(text: string, i: number): boolean {
  return i < 0 || i >= text.length || !WORD.test(text[i]);
}

export function findMentions(text: string, actors: MentionedActor[]): MentionSpan[] {
  const out: MentionSpan[] = [];
  const forms: { form: string; actor: MentionedActor }[] = [];
  for (const a of actors) {
    if (a.spans && a.spans.length >= 2) {
      for (let i = 0; i + 1 < a.spans.length; i += 2) {
        out.push({
          actorId: a.actorId,
          name: a.name,
          kind: a.kind,
          start: a.spans[i],
          end: a.spans[i + 1],
        });
      }
      continue;
    }
    for (const f of new Set([a.name, ...a.forms])) {
      if (f && f.trim().length >= 2) forms.push({ form: f, actor: a });
    }
  }
  forms.sort(
    (x, y) => y.form.length - x.form.length || x.actor.actorId.localeCompare(y.actor.actorId),
  );
  const taken: boolean[] = [];
  for (const s of out) for (let i = s.start; i < s.end; i++) taken[i] = true;
  for (const { form, actor } of forms) {
    let at = text.indexOf(form);
    while (at !== -1) {
      const end = at + form.length;
      if (isBoundary(text, at - 1) && isBoundary(text, end) && !overlaps(taken, at, end)) {
        for (let i = at; i < end; i++) taken[i] = true;
        out.push({ actorId: actor.actorId, name: actor.name, kind: actor.kind, start: at, end });
      }
      at = text.indexOf(form, at + 1);
    }
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

function overlaps(taken: boolean[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (taken[i]) return true;
  return false;
}
