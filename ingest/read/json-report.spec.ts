import { describe, expect, it } from 'vitest';
import { jsonReport, parseJsonReport } from './json-report.ts';

describe('parseJsonReport', () => {
  it('reads {id, title, publishedAt, text}', () => {
    const json = JSON.stringify({
      id: 'PLOVER-1',
      title: 'T',
      publishedAt: '2025-01-02',
      text: 'Kyiv agreed.\r\n',
    });
    expect(parseJsonReport(json, 'r.json')).toEqual({
      id: 'PLOVER-1',
      title: 'T',
      publishedAt: '2025-01-02',
      source: null,
      url: null,
      text: 'Kyiv agreed.\n',
    });
  });

  it('needs only text', () => {
    expect(parseJsonReport('{"text":"Kyiv agreed."}', 'r.json')).toMatchObject({
      id: null,
      title: null,
      publishedAt: null,
    });
  });

  it.each([
    ['{"text": "a",', /r\.json: not valid JSON/],
    ['[1, 2]', /r\.json: expected a JSON object/],
    ['"text"', /r\.json: expected a JSON object/],
    ['{"title": "x"}', /r\.json: missing "text"/],
    ['{"text": 42}', /r\.json: "text" must be a string/],
    ['{"text": "a", "id": 7}', /r\.json: "id" must be a string/],
    ['{"text": "a", "id": ""}', /r\.json: "id": the id is blank/],
    ['{"text": "a", "publishedAt": "21/12/2025"}', /"publishedAt" '21\/12\/2025' is not a date/],
    ['{"text": "a", "url": "javascript:alert(1)"}', /"url" must be an http\(s\) address/],
  ])('refuses %s with a FORMAT error', (json, message) => {
    expect(() => parseJsonReport(json, 'r.json')).toThrow(message);
    expect(() => parseJsonReport(json, 'r.json')).toThrow(
      expect.objectContaining({ code: 'FORMAT' }),
    );
  });

  it('refuses blank text as EMPTY', () => {
    expect(() => jsonReport({ text: ' \n ' }, 'line 2')).toThrow(
      expect.objectContaining({ code: 'EMPTY', message: 'line 2: "text" is empty' }),
    );
  });
});
