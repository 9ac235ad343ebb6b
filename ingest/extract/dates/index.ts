// Dates: time expressions resolved against the publication date. "Friday" is the last Friday
// before publication (the day itself if published on a Friday), "in June" the last June, absolute
// dates are absolute. Only capitalised weekday and month names count ("may" is not May).
import * as chrono from 'chrono-node';
import type { DateMention, Doc } from '../model.ts';
import { DATE_WORDS, MONTHS, WEEKDAYS } from '../words.ts';
import { dictionary } from '../dictionary.ts';
import { sortInPlace } from '../order.ts';
import { isCalendarDay } from '../../read/dates.ts';

const MONTH_ABBR: ReadonlyMap<string, number> = dictionary({
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Sept: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
});
const ABBR = new Set([...MONTH_ABBR.keys()].flatMap((a) => [a, `${a}.`]));
const MONTH_RE = `(?:${MONTHS.join('|')}|(?:${[...MONTH_ABBR.keys()].join('|')})\\.)`;
// Full dates with a day and a year, in the two orders English uses, plus ISO dates.
const FULL_DATE = new RegExp(
  `\\b(?:${MONTH_RE} \\d{1,2},? \\d{4}|\\d{1,2} ${MONTH_RE},? \\d{4}|\\d{4}-\\d{2}-\\d{2})\\b`,
  'g',
);
const EXPRESSION = new RegExp(
  `\\b(?:${MONTH_RE}(?: \\d{1,2}(?:st|nd|rd|th)?)?(?:,? \\d{4})?|\\d{1,2} ${MONTH_RE}(?:,? \\d{4})?|(?:${WEEKDAYS.join('|')})|\\d{4}-\\d{2}-\\d{2})\\b`,
  'g',
);

/** Expressions relative to the publication date ("yesterday", "last week", "earlier this month"). */
const RELATIVE =
  /\b(?:today|tonight|yesterday|tomorrow|(?:this|yesterday|tomorrow) (?:morning|afternoon|evening)|last night|(?:earlier |later )?this (?:week|month|year)|last (?:week|month|year)|next (?:week|month|year))\b/gi;
const RELATIVE_WORDS = new Set([
  'today',
  'tonight',
  'yesterday',
  'tomorrow',
  'this',
  'last',
  'next',
]);

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** The last publication date parsed: reports of one feed or batch share it. Read, never changed. */
let lastPublished: { p: string; d: Date | null } | null = null;

function parsePublished(p: string | null): Date | null {
  if (!p || !/^\d{4}-\d{2}-\d{2}/.test(p)) return null;
  if (lastPublished?.p === p) return lastPublished.d;
  const d = new Date(`${p.slice(0, 10)}T00:00:00Z`);
  lastPublished = { p, d: Number.isNaN(d.getTime()) ? null : d };
  return lastPublished.d;
}

function monthIndex(word: string): number {
  const full = MONTHS.indexOf(word);
  return full >= 0 ? full : (MONTH_ABBR.get(word.replace('.', '')) ?? -1);
}

const DAY = 86_400_000;

/**
 * A relative expression against the publication date: a day where it names one ("yesterday"),
 * the month or year where it names a stretch ("earlier this month" → YYYY-MM, "last week" → the
 * month of the day a week before).
 */
export function resolveRelative(expr: string, published: Date): string {
  const e = expr.toLowerCase();
  const day = (offset: number) => ymd(new Date(published.getTime() + offset * DAY));
  const y = published.getUTCFullYear();
  const m = published.getUTCMonth();
  if (e.startsWith('yesterday') || e === 'last night') return day(-1);
  if (e.startsWith('tomorrow')) return day(1);
  if (e.endsWith('week'))
    return day(e.startsWith('last') ? -7 : e.startsWith('next') ? 7 : 0).slice(0, 7);
  if (e.endsWith('month')) {
    const shift = e.startsWith('last') ? -1 : e.startsWith('next') ? 1 : 0;
    const d = new Date(Date.UTC(y, m + shift, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  if (e.endsWith('year'))
    return String(y + (e.startsWith('last') ? -1 : e.startsWith('next') ? 1 : 0));
  return day(0); // today, tonight, this morning
}

/** Resolves one expression found by EXPRESSION; null where it names no date. */
export function resolveDate(expr: string, published: Date | null): string | null {
  const weekday = WEEKDAYS.indexOf(expr);
  if (weekday >= 0) {
    if (!published) return null;
    const back = (published.getUTCDay() - weekday + 7) % 7;
    return ymd(new Date(published.getTime() - back * 86_400_000));
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(expr)) return expr;
  const words = expr.replace(/,/g, '').split(' ');
  const monthWord = words.find((w) => monthIndex(w) >= 0) as string;
  const month = monthIndex(monthWord);
  const year = words.find((w) => /^\d{4}$/.test(w));
  const day = words.find((w) => /^\d{1,2}(st|nd|rd|th)?$/.test(w));
  if (year && day) {
    // A calendar day, checked directly (chrono costs more than the rest of the stage); chrono
    // reads years before 1000 its own way, so they stay with it.
    const value = `${year}-${pad(month + 1)}-${pad(Number.parseInt(day, 10))}`;
    if (year >= '1000') return isCalendarDay(value) ? value : null;
    const parsed = chrono.strict.parseDate(expr, published ?? new Date(Date.UTC(2000, 0, 1)));
    return parsed ? `${year}-${pad(parsed.getMonth() + 1)}-${pad(parsed.getDate())}` : null;
  }
  if (year) return `${year}-${pad(month + 1)}`;
  if (!published) return null;
  // Without a year: the last such month (or day) on or before publication.
  const pm = published.getUTCMonth();
  let y = published.getUTCFullYear();
  if (month > pm || (day && month === pm && Number.parseInt(day, 10) > published.getUTCDate())) y--;
  return day ? `${y}-${pad(month + 1)}-${pad(Number.parseInt(day, 10))}` : `${y}-${pad(month + 1)}`;
}

export function dates(doc: Doc): void {
  const published = parsePublished(doc.publishedAt);
  for (const s of doc.sentences) {
    // Most sentences name no date: check the tokens before running the pattern.
    let candidate = false;
    for (let k = s.first; k < s.last && !candidate; k++) {
      const t = doc.tokens[k];
      const w = t.text;
      const c = w.charCodeAt(0);
      candidate =
        c < 58
          ? w.length >= 4 && /^\d{4}/.test(w)
          : c < 91
            ? DATE_WORDS.has(w) || ABBR.has(w) || RELATIVE_WORDS.has(t.lower)
            : RELATIVE_WORDS.has(w);
    }
    if (!candidate) continue;
    const text = doc.text.slice(s.start, s.end);
    if (published)
      for (const m of text.matchAll(RELATIVE)) {
        const start = s.start + (m.index ?? 0);
        const value = resolveRelative(m[0], published);
        doc.dates.push({ sentence: s.index, start, end: start + m[0].length, text: m[0], value });
      }
    for (const m of text.matchAll(EXPRESSION)) {
      // "May" the month needs a day or year, or "in May": the modal verb is lower-case but
      // starts sentences too.
      if (m[0] === 'May' && !/\bin $/.test(text.slice(0, m.index))) continue;
      const value = resolveDate(m[0], published);
      if (!value) continue;
      const start = s.start + (m.index ?? 0);
      doc.dates.push({ sentence: s.index, start, end: start + m[0].length, text: m[0], value });
    }
  }
  sortInPlace(doc.dates, (a, b) => a.start - b.start);
}

/** The latest full date (day, month and year) in a text, for reports without a publication date. */
export function latestFullDate(text: string): string | null {
  let best: string | null = null;
  for (const m of text.matchAll(FULL_DATE)) {
    const v = resolveDate(m[0], null);
    if (v && (!best || v > best)) best = v;
  }
  return best;
}

/** The report's date mentions by sentence, made once per list of dates (see datesIn). */
const bySentence = new WeakMap<DateMention[], { size: number; at: Map<number, DateMention[]> }>();
const NO_DATES: DateMention[] = [];

/**
 * The date mentions of one sentence, in the order of doc.dates: events and statements look up
 * their date in their own sentence, not among all of a long report's.
 */
export function datesIn(doc: Doc, sentence: number): DateMention[] {
  let index = bySentence.get(doc.dates);
  if (!index || index.size !== doc.dates.length) {
    const at = new Map<number, DateMention[]>();
    for (const d of doc.dates) {
      const list = at.get(d.sentence);
      if (list) list.push(d);
      else at.set(d.sentence, [d]);
    }
    index = { size: doc.dates.length, at };
    bySentence.set(doc.dates, index);
  }
  return index.at.get(sentence) ?? NO_DATES;
}

/** The date mention closest to a position in the sentence. */
export function dateNear(doc: Doc, sentence: number, at: number): DateMention | null {
  let best: DateMention | null = null;
  for (const d of datesIn(doc, sentence)) {
    if (!best || Math.abs(d.start - at) < Math.abs(best.start - at)) best = d;
  }
  return best;
}
