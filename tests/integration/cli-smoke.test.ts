// The real `parley` process (bin/parley.mjs through tsx): exit codes, stdout and stderr as a shell
// sees them. The command's behaviour in detail is tested in-process (tests/unit/cli-extract.test.ts).
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const sample = resolve(root, '../shared/eval/articles/miami-talks.txt');

function parley(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['bin/parley.mjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('the parley process', () => {
  it('extracts a report file to JSON on stdout and JSON lines from stdin, exit 0', () => {
    const file = parley(['extract', sample, '--published-at', '2025-12-21']);
    expect(file.stderr).toBe('');
    expect(file.code).toBe(0);
    const extraction = JSON.parse(file.stdout) as { document: { id: string }; actors: unknown[] };
    expect(extraction.document.id).toBe('miami-talks-txt');
    expect(extraction.actors.length).toBeGreaterThan(0);

    const lines = parley(
      ['extract', '--format', 'jsonl'],
      '{"id": "r1", "text": "Kyiv agreed."}\n',
    );
    expect(lines.code).toBe(0);
    expect(JSON.parse(lines.stdout)).toMatchObject({ id: 'r1', document: { id: 'r1' } });
  });

  it('exits 2 with the usage on stderr for an unknown flag, 1 for an unreadable file', () => {
    const usage = parley(['extract', sample, '--bogus']);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toMatch(/^parley extract: Unknown option '--bogus'/);
    const missing = parley(['extract', resolve(root, 'no-such-report.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^parley extract: .*no-such-report\.txt: no such file\n$/);
  });
});
