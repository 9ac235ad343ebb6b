import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { loadTagger, modelPath } from './models.ts';
import { ModelFileError, readModelFile, writeModelFile } from './model-file.ts';

const dir = mkdtempSync(join(tmpdir(), 'parley-model-'));

function errorOf(f: () => unknown): ModelFileError {
  try {
    f();
  } catch (e) {
    if (e instanceof ModelFileError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('model files', () => {
  it('round-trips header and typed arrays, byte for byte the same on rewrite', () => {
    const file = join(dir, 'a.bin.gz');
    const arrays = {
      keys: new Uint32Array([1, 2, 3]),
      w: new Float32Array([0.5, -1.25]),
      b: new Uint8Array([7]),
    };
    writeModelFile(file, { kind: 'test', meta: { n: 2 }, arrays });
    const first = readFileSync(file);
    const m = readModelFile<{ n: number }>(file, 'test');
    expect(m.meta.n).toBe(2);
    expect([...(m.arrays.keys as Uint32Array)]).toEqual([1, 2, 3]);
    expect([...(m.arrays.w as Float32Array)]).toEqual([0.5, -1.25]);
    expect([...(m.arrays.b as Uint8Array)]).toEqual([7]);
    writeModelFile(file, { kind: 'test', meta: { n: 2 }, arrays });
    expect(readFileSync(file).equals(first)).toBe(true);
  });

  it('a missing file: one error naming the file and npm run train', () => {
    const e = errorOf(() => loadTagger(join(dir, 'nope', 'model.bin.gz')));
    expect(e.message).toMatch(/nope\/model\.bin\.gz is missing/);
    expect(e.message).toContain('npm run train');
  });

  it('a corrupt file (truncated, garbage, wrong kind, bad arrays): the same clear error', () => {
    const good = readFileSync(modelPath('tagger'));
    const cases: Record<string, Buffer> = {
      truncated: good.subarray(0, good.length >> 1),
      garbage: Buffer.from('not a model at all'),
      magic: gzipSync(Buffer.from('HELLO\n\0\0\0\0')),
      short: gzipSync(
        Buffer.concat([
          Buffer.from('PARLEY-NLP-MODEL 1\n'),
          Buffer.from([200, 0, 0, 0]),
          Buffer.from('{'),
        ]),
      ),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = join(dir, `${name}.bin.gz`);
      writeFileSync(file, bytes);
      const e = errorOf(() => loadTagger(file));
      expect(e.message, name).toContain(`${name}.bin.gz`);
      expect(e.message, name).toMatch(/corrupt|not a Parley NLP model/);
      expect(e.message, name).toContain('npm run train');
    }
    const other = join(dir, 'other.bin.gz');
    writeModelFile(other, { kind: 'parser', meta: {}, arrays: {} });
    expect(errorOf(() => loadTagger(other)).message).toMatch(
      /"parser" model where a "tagger" model/,
    );
    const mismatched = join(dir, 'mismatched.bin.gz');
    writeModelFile(mismatched, {
      kind: 'tagger',
      meta: { classes: ['ADJ'], tagDict: {}, lemmas: { rules: {}, exceptions: {} } },
      arrays: {},
    });
    expect(errorOf(() => loadTagger(mismatched)).message).toMatch(/other UPOS classes/);
  });
});
