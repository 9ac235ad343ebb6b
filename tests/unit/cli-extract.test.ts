// `parley extract` in-process: the command's entry (cli/main.ts) with its streams captured, on the
// sample report, on fixtures in every format, on stdin JSON lines and on each kind of bad input.
// tests/integration/cli-smoke.test.ts runs the real `parley` process.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const sample = resolve(root, '../shared/eval/articles/miami-talks.txt');
const fixtures = join(root, 'tests/fixtures/reports');
const fixture = (name: string) => join(fixtures, name);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it, decoded as UTF-8 like a terminal would. */
function capture(): { stream: Writable; text(): string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      done();
    },
  });
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

async function parley(args: string[], input?: string | Uint8Array): Promise<Run> {
  const stdin = new PassThrough();
  stdin.end(input ?? '');
  const stdout = capture();
  const stderr = capture();
  const code = await main(['extract', ...args], {
    stdin,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

interface ExtractionJson {
  id?: string;
  document: {
    id: string;
    publishedAt: string | null;
    title: string | null;
    text: string;
    sentences: unknown[];
  };
  actors: unknown[];
  places: unknown[];
  events: unknown[];
  statements: unknown[];
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const lines = stdout.split('\n');
  expect(lines.pop()).toBe(''); // every line, the last included, ends with a newline
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

function expectExtraction(value: unknown): ExtractionJson {
  const extraction = value as ExtractionJson;
  expect(typeof extraction.document.text).toBe('string');
  expect(Array.isArray(extraction.document.sentences)).toBe(true);
  for (const key of ['actors', 'places', 'events', 'statements'] as const) {
    expect(Array.isArray(extraction[key])).toBe(true);
  }
  return extraction;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'parley-cli-extract-'));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string | Uint8Array): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
}

describe('parley extract FILE', { timeout: 60_000 }, () => {
  it('prints one pretty JSON object for the sample report', async () => {
    const run = await parley([sample, '--published-at', '2025-12-21']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^\{\n {2}"document": \{/);
    const extraction = expectExtraction(JSON.parse(run.stdout));
    expect(extraction.document).toMatchObject({ id: 'miami-talks-txt', publishedAt: '2025-12-21' });
    expect(extraction.document.text).toBe(readFileSync(sample, 'utf8').replace(/\r\n?/g, '\n'));
    expect(extraction.document.sentences.length).toBeGreaterThan(5);
    expect(extraction.actors.length).toBeGreaterThan(0);
  });

  it('prints one JSON line per file for several files, in order, with each file’s metadata', async () => {
    const run = await parley([
      fixture('geneva-talks.md'),
      fixture('vienna-page.html'),
      fixture('tallinn-report.json'),
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [md, html, json] = jsonLines(run.stdout).map(expectExtraction);
    expect(md.document).toMatchObject({ id: 'geneva-ceasefire-talks', publishedAt: '2025-11-14' });
    expect(md.document.text).not.toMatch(/\*\*|\]\(|^#/m);
    // A web page without an id is named by its address (og:url), readable by its headline.
    expect(html.document).toMatchObject({
      id: expect.stringMatching(/^foreign-ministers-agree-on-prisoner-exchange-[0-9a-f]{12}$/),
      publishedAt: '2025-10-03',
    });
    expect(html.document.text).toContain('Ararat Mirzoyan met his Azerbaijani counterpart');
    expect(html.document.text).not.toMatch(/SCRIPT-IN|NAV-TEXT|STYLE-TEXT|FOOTER-TEXT|<\w/);
    expect(json.document).toMatchObject({ id: 'tallinn-cyber-pledge', publishedAt: '2025-09-12' });
  });

  it('prints a pretty JSON array for several files with --format json', async () => {
    const run = await parley([
      '--format',
      'json',
      fixture('geneva-talks.md'),
      fixture('tallinn-report.json'),
    ]);
    expect(run.code).toBe(0);
    const array = JSON.parse(run.stdout) as unknown[];
    expect(array.map((e) => expectExtraction(e).document.id)).toEqual([
      'geneva-ceasefire-talks',
      'tallinn-cyber-pledge',
    ]);
  });

  it('lets --id and --published-at win over the file, and keeps text-borne markup as text', async () => {
    const run = await parley([
      fixture('hostile.txt'),
      '--id',
      'doha-truce',
      '--published-at',
      '2025-06-02',
    ]);
    expect(run.code).toBe(0);
    const extraction = expectExtraction(JSON.parse(run.stdout));
    expect(extraction.document).toMatchObject({ id: 'doha-truce', publishedAt: '2025-06-02' });
    expect(extraction.document.text).toContain('<script>alert(1)</script>');
  });

  it('drops scripts, javascript: links and onerror handlers from a hostile page', async () => {
    const run = await parley([fixture('hostile.html')]);
    expect(run.code).toBe(0);
    const { text } = expectExtraction(JSON.parse(run.stdout)).document;
    expect(text).toContain('Egypt urged Israel to accept a truce.');
    expect(text).not.toMatch(/alert|javascript:|onerror|<script/);
  });

  it('does not crash on malformed HTML or non-English text', async () => {
    const unclosed = scratchFile(
      'unclosed.html',
      '<p>Kyiv agreed. <b>Moscow <i>refused</p></div><div>Witkoff met Umerov',
    );
    const run = await parley([unclosed, fixture('russian.txt')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [html, russian] = jsonLines(run.stdout).map(expectExtraction);
    expect(html.document.text).toContain('Witkoff met Umerov');
    expect(russian.document.text).toContain('Сергей Лавров');
  });
});

describe('parley extract --format jsonl (stdin)', { timeout: 60_000 }, () => {
  it('writes one extraction per record with its id, and an error object for a bad record', async () => {
    const records = readFileSync(fixture('records.jsonl'), 'utf8');
    const run = await parley(['--format', 'jsonl'], records);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('parley extract: 1 of 3 records could not be extracted\n');
    const [agree, broken, consult] = jsonLines(run.stdout);
    expect(agree.id).toBe('rec-agree');
    expect(expectExtraction(agree).document).toMatchObject({
      id: 'rec-agree',
      publishedAt: '2024-03-08',
    });
    expect(broken).toEqual({
      id: 'rec-broken',
      error: { code: 'FORMAT', message: 'stdin line 2: "text" must be a string' },
    });
    expect(consult.id).toBe('rec-consult');
    expectExtraction(consult);
  });

  it('skips blank lines and reports invalid JSON, a missing id and bad bytes per line', async () => {
    const input = Buffer.concat([
      Buffer.from('{"id": "ok-1", "text": "Kyiv agreed."}\n\n'),
      Buffer.from('not json at all\n'),
      Buffer.from('{"text": "No id here."}\n'),
      Buffer.from('{"id": "latin1", "text": "Caf'),
      Buffer.from([0xe9]),
      Buffer.from('"}\r\n'),
      Buffer.from('{"id": "ok-2", "text": "Moscow refused.", "publishedAt": "2025-02-30"}\n'),
      Buffer.from('{"id": "ok-3", "text": "Moscow refused."}'), // no final newline
    ]);
    const run = await parley(['--format', 'jsonl', '--published-at', '2025-12-21'], input);
    expect(run.code).toBe(1);
    const lines = jsonLines(run.stdout);
    expect(
      lines.map((l) => [l.id, (l.error as { code?: string } | undefined)?.code ?? null]),
    ).toEqual([
      ['ok-1', null],
      [null, 'FORMAT'],
      [null, 'FORMAT'],
      [null, 'ENCODING'],
      ['ok-2', 'FORMAT'],
      ['ok-3', null],
    ]);
    expect((lines[0] as unknown as ExtractionJson).document.publishedAt).toBe('2025-12-21');
    expect(lines[2].error).toEqual({ code: 'FORMAT', message: 'stdin line 4: missing "id"' });
    expect(run.stderr).toBe('parley extract: 4 of 6 records could not be extracted\n');
  });
});

describe('parley extract on bad input', { timeout: 60_000 }, () => {
  const cases: Array<[string, () => string, RegExp]> = [
    ['an empty file', () => scratchFile('empty.txt', ''), /empty\.txt: the file is empty$/],
    [
      'a whitespace-only file',
      () => scratchFile('blank.txt', ' \n\n\t '),
      /blank\.txt: the file has no text$/,
    ],
    [
      'a binary file',
      () =>
        scratchFile(
          'photo.txt',
          Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
        ),
      /photo\.txt: this looks like a binary file, not a text report$/,
    ],
    [
      'a Latin-1 file',
      () => scratchFile('latin1.txt', Buffer.from('Talks in Gen\u00e8ve on Friday.', 'latin1')),
      /latin1\.txt: not valid UTF-8 \(byte 0xE8 at offset 12\); save the file as UTF-8$/,
    ],
    [
      'a 6 MB file',
      () => scratchFile('huge.txt', Buffer.alloc(6 * 1024 * 1024, 'a')),
      /huge\.txt: the file is 6\.00 MB \(6291456 bytes\), over the 5 MB limit for a report$/,
    ],
    [
      'malformed front matter',
      () => fixture('bad-front-matter.md'),
      /bad-front-matter\.md: front matter line 4: Missing closing "quote$/,
    ],
    [
      'invalid JSON',
      () => scratchFile('bad.json', '{"text": "Kyiv agreed."'),
      /bad\.json: not valid JSON/,
    ],
    [
      'JSON without text',
      () => scratchFile('no-text.json', '{"id": "x"}'),
      /no-text\.json: missing "text"$/,
    ],
    [
      'an unsupported type',
      () => scratchFile('brief.pdf', '%PDF-1.7'),
      /brief\.pdf: unsupported file type '\.pdf' \(expected \.txt, \.md, \.html or \.json\)$/,
    ],
    ['a missing file', () => join(scratch, 'missing.txt'), /missing\.txt: no such file$/],
  ];

  it.each(cases)('%s → one line on stderr, exit 1', async (_what, makePath, message) => {
    const run = await parley([makePath()]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^parley extract: /);
    expect(lines[0]).toMatch(message);
  });

  it('still prints the good reports when one of several is bad', async () => {
    const run = await parley([
      fixture('tallinn-report.json'),
      scratchFile('empty2.txt', ''),
      fixture('geneva-talks.md'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^parley extract: .*empty2\.txt: the file is empty\n$/);
    expect(jsonLines(run.stdout).map((e) => expectExtraction(e).document.id)).toEqual([
      'tallinn-cyber-pledge',
      'geneva-ceasefire-talks',
    ]);
  });
});

describe('parley extract usage', { timeout: 60_000 }, () => {
  it('shows usage and exits 2 on an unknown flag', async () => {
    const run = await parley([sample, '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^parley extract: Unknown option '--bogus'/);
    expect(run.stderr).toContain('Usage: parley extract FILE…');
  });

  it.each([
    [
      ['--published-at', '21/12/2025', 'x.txt'],
      "invalid --published-at '21/12/2025': expected a date as YYYY-MM-DD",
    ],
    [['--published-at', '2025-02-30', 'x.txt'], "invalid --published-at '2025-02-30'"],
    [['--format', 'xml', 'x.txt'], "--format must be json or jsonl, not 'xml'"],
    [['--id', 'a', 'x.txt', 'y.txt'], '--id names one report: give exactly one FILE'],
    [[], 'no input FILE given'],
  ])('exits 2 with a message for %j', async (args, message) => {
    const run = await parley(args);
    expect(run.code).toBe(2);
    expect(run.stderr.startsWith(`parley extract: ${message}`)).toBe(true);
  });

  it('documents the JSON lines output in --help', async () => {
    const run = await parley(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('several FILEs       JSON lines');
    expect(run.stdout).toContain('{"id": …, "error": {"code", "message"}}');
  });
});

describe('parley extract with another extractor', () => {
  it('runs the extractor it is given, and reports a failing one against the report', async () => {
    const { run } = await import('../../cli/commands/extract.ts');
    const { parleyExtractor } = await import('../../ingest/extract/extractor.ts');
    const io = () => {
      const stdin = new PassThrough();
      stdin.end('');
      const out = capture();
      const err = capture();
      return { io: { stdin, stdout: out.stream, stderr: err.stream }, out, err };
    };
    // The same extraction, read by an extractor that keeps only the states.
    const statesOnly = {
      id: 'states-only',
      version: '1',
      extract: (text: string, meta: { id: string }) => {
        const x = parleyExtractor.extract(text, meta);
        return { ...x, actors: x.actors.filter((a) => a.kind === 'state') };
      },
    };
    const a = io();
    expect(await run([sample, '--published-at', '2025-12-21'], a.io, statesOnly)).toBe(0);
    const kinds = (JSON.parse(a.out.text()) as { actors: { kind: string }[] }).actors.map(
      (x) => x.kind,
    );
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['state']));

    const broken = {
      id: 'broken',
      version: '0',
      extract: () => {
        throw new Error('model offline');
      },
    };
    const b = io();
    expect(await run([sample], b.io, broken)).toBe(1);
    expect(b.err.text()).toMatch(/miami-talks\.txt: extraction failed: model offline/);
  });
});
