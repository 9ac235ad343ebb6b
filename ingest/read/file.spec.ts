import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readReportFile } from './file.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readReportFile', () => {
  it('reads a file from disk', async () => {
    const path = join(dir, 'Kyiv Report.txt');
    writeFileSync(path, 'Kyiv agreed.\n');
    await expect(readReportFile(path, { publishedAt: '2025-12-21' })).resolves.toMatchObject({
      text: 'Kyiv agreed.\n',
      meta: { id: 'kyiv-report-txt', publishedAt: '2025-12-21' },
    });
  });

  it('refuses a missing file and a directory', async () => {
    await expect(readReportFile(join(dir, 'missing.txt'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: `${join(dir, 'missing.txt')}: no such file`,
    });
    await expect(readReportFile(dir)).rejects.toMatchObject({ code: 'UNREADABLE' });
  });

  it('refuses an oversized file from its size, naming its real size and the limit', async () => {
    const path = join(dir, 'huge.txt');
    writeFileSync(path, '');
    truncateSync(path, 64 * 1024 * 1024); // sparse: nothing is written or read
    await expect(readReportFile(path)).rejects.toMatchObject({
      code: 'TOO_LARGE',
      message: `${path}: the file is 64.00 MB (67108864 bytes), over the 5 MB limit for a report`,
    });
  });

  it('refuses an unsupported type before reading it', async () => {
    await expect(readReportFile(join(dir, 'missing.docx'))).rejects.toMatchObject({
      code: 'UNSUPPORTED_TYPE',
    });
  });
});
