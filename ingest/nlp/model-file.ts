// The weight-file format shared by the learned components: one gzipped file per model,
//   "PARLEY-NLP-MODEL 1\n" · uint32 LE header length · header JSON (kind, metadata, array table)
//   · each typed array in the order of the header's table, 8-byte aligned.
// gzip's CRC catches damaged bytes; the reader also checks the magic line, the kind and every
// array's length, and fails with one clear message that names the file and `npm run train`.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { gunzipSync, gzipSync, constants } from 'node:zlib';

const MAGIC = 'PARLEY-NLP-MODEL 1\n';

export type ArrayType = 'u32' | 'i32' | 'f32' | 'u16' | 'u8';
export type ModelArray = Uint32Array | Int32Array | Float32Array | Uint16Array | Uint8Array;

export interface ModelFile<M> {
  kind: string;
  meta: M;
  arrays: Record<string, ModelArray>;
}

interface Header<M> {
  kind: string;
  meta: M;
  arrays: Array<{ name: string; type: ArrayType; length: number }>;
}

export class ModelFileError extends Error {
  constructor(
    readonly file: string,
    problem: string,
  ) {
    super(
      `NLP model file ${displayPath(file)} ${problem}. ` +
        'Rebuild the weights with `npm run train` (see README, "Training the NLP models").',
    );
    this.name = 'ModelFileError';
  }
}

function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') ? rel : file;
}

function typeOf(a: ModelArray): ArrayType {
  if (a instanceof Uint32Array) return 'u32';
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float32Array) return 'f32';
  if (a instanceof Uint16Array) return 'u16';
  return 'u8';
}

const CTORS = {
  u32: Uint32Array,
  i32: Int32Array,
  f32: Float32Array,
  u16: Uint16Array,
  u8: Uint8Array,
} as const;

export function encodeModel<M>(model: ModelFile<M>): Buffer {
  const names = Object.keys(model.arrays);
  const header: Header<M> = {
    kind: model.kind,
    meta: model.meta,
    arrays: names.map((name) => ({
      name,
      type: typeOf(model.arrays[name]),
      length: model.arrays[name].length,
    })),
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1')];
  const len = Buffer.alloc(4);
  len.writeUInt32LE(json.length);
  parts.push(len, json);
  let size = MAGIC.length + 4 + json.length;
  for (const name of names) {
    const pad = (8 - (size % 8)) % 8;
    if (pad) parts.push(Buffer.alloc(pad));
    const a = model.arrays[name];
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    parts.push(bytes);
    size += pad + bytes.length;
  }
  // Fixed gzip level and no timestamps: the same weights give the same bytes.
  return gzipSync(Buffer.concat(parts), { level: constants.Z_BEST_COMPRESSION });
}

export function writeModelFile<M>(file: string, model: ModelFile<M>): number {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = encodeModel(model);
  writeFileSync(file, bytes);
  return bytes.length;
}

export function decodeModel<M>(file: string, gz: Buffer, kind: string): ModelFile<M> {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch (e) {
    throw new ModelFileError(file, `is corrupt (${(e as Error).message})`);
  }
  if (raw.length < MAGIC.length + 4 || raw.toString('latin1', 0, MAGIC.length) !== MAGIC)
    throw new ModelFileError(file, 'is not a Parley NLP model (bad magic line)');
  const headerLength = raw.readUInt32LE(MAGIC.length);
  let header: Header<M>;
  try {
    const start = MAGIC.length + 4;
    if (start + headerLength > raw.length) throw new Error('header runs past the end');
    header = JSON.parse(raw.toString('utf8', start, start + headerLength)) as Header<M>;
  } catch (e) {
    throw new ModelFileError(file, `is corrupt (header: ${(e as Error).message})`);
  }
  if (header.kind !== kind)
    throw new ModelFileError(
      file,
      `holds a "${header.kind}" model where a "${kind}" model was expected`,
    );
  // Typed arrays view the bytes in place when they start 8-byte aligned in their own buffer
  // (as gunzip's large results do); otherwise they are copied once into an aligned buffer.
  let aligned: ArrayBuffer;
  let base: number;
  if (raw.byteOffset % 8 === 0 && raw.buffer instanceof ArrayBuffer) {
    aligned = raw.buffer;
    base = raw.byteOffset;
  } else {
    aligned = new ArrayBuffer(raw.length);
    new Uint8Array(aligned).set(raw);
    base = 0;
  }
  let at = MAGIC.length + 4 + headerLength;
  const arrays: Record<string, ModelArray> = {};
  for (const a of header.arrays) {
    const Ctor = CTORS[a.type];
    if (!Ctor) throw new ModelFileError(file, `is corrupt (unknown array type ${a.type})`);
    at += (8 - (at % 8)) % 8;
    const bytes = a.length * Ctor.BYTES_PER_ELEMENT;
    if (at + bytes > raw.length)
      throw new ModelFileError(file, `is corrupt (array ${a.name} is cut short)`);
    arrays[a.name] = new Ctor(aligned, base + at, a.length);
    at += bytes;
  }
  if (at !== raw.length) throw new ModelFileError(file, 'is corrupt (trailing bytes)');
  return { kind: header.kind, meta: header.meta, arrays };
}

export function readModelFile<M>(file: string, kind: string): ModelFile<M> {
  let gz: Buffer;
  try {
    gz = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ModelFileError(file, 'is missing');
    throw new ModelFileError(file, `cannot be read (${code ?? (e as Error).message})`);
  }
  return decodeModel<M>(file, gz, kind);
}

/** A required array of the given type, or a clear error. */
export function arrayOf<T extends ModelArray>(
  file: string,
  model: ModelFile<unknown>,
  name: string,
  ctor: new (n: number) => T,
): T {
  const a = model.arrays[name];
  if (!(a instanceof ctor)) throw new ModelFileError(file, `is corrupt (array ${name} missing)`);
  return a;
}
