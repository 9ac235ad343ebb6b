// Fetches the entity corpora named in sources.ts, at their pinned commits, into the git-ignored
// train/data/ner/, and records in SOURCES.json what came from where under which licence.
// Each repository is cloned bare once into train/data/git/, or read from an existing clone or
// mirror: PARLEY_CORPUS_GIT_<OWNER_NAME> (e.g. PARLEY_CORPUS_GIT_DSTL_RE3D=/path/repo.git), or
// PARLEY_MIRROR/<owner>+<name>/repo.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { GUM_GENRES, SOURCES, type CorpusSource } from './sources.ts';

const dataRoot = resolve(import.meta.dirname, '../data');
export const DATA_DIR = join(dataRoot, 'ner');

export function gitDirOf(repo: string): string {
  const env = process.env[`PARLEY_CORPUS_GIT_${repo.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`];
  if (env) return env;
  const mirror =
    process.env.PARLEY_MIRROR && join(process.env.PARLEY_MIRROR, repo.replace('/', '+'), 'repo');
  if (mirror && existsSync(mirror)) return mirror;
  const dir = join(dataRoot, 'git', `${repo.replace('/', '+')}.git`);
  if (!existsSync(dir))
    execFileSync('git', ['clone', '--bare', '--quiet', `https://github.com/${repo}`, dir], {
      stdio: 'inherit',
    });
  return dir;
}

export function git(gitDir: string, args: string[]): Buffer {
  return execFileSync('git', ['--git-dir', gitDir, ...args], { maxBuffer: 1 << 30 });
}

/** The files of a source: as listed, or for GUM the documents of the genres it may use. */
function filesOf(source: CorpusSource, gitDir: string): string[] {
  if (source.format !== 'gum') return source.files;
  return git(gitDir, ['ls-tree', '-r', '--name-only', source.commit, 'not-to-release/sources'])
    .toString('utf8')
    .split('\n')
    .filter(
      (p) =>
        GUM_GENRES.some((g) => p.startsWith(`not-to-release/sources/GUM_${g}_`)) &&
        p.endsWith('.conllu'),
    );
}

export async function fetchCorpora(log: (line: string) => void = console.log): Promise<void> {
  const record: (CorpusSource & { fetched: string[] })[] = [];
  for (const source of SOURCES) {
    const done = join(DATA_DIR, source.name, '.fetched');
    let files: string[] = source.files;
    if (!existsSync(done)) {
      const gitDir = gitDirOf(source.repo);
      files = filesOf(source, gitDir);
      for (const path of files) {
        const target = join(DATA_DIR, source.name, path);
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, git(gitDir, ['show', `${source.commit}:${path}`]));
      }
      writeFileSync(done, files.join('\n'));
      log(
        `${source.name}: ${files.length} file(s) from ${source.repo}@${source.commit.slice(0, 10)} (${source.licence})`,
      );
    }
    record.push({ ...source, fetched: files });
  }
  writeFileSync(join(DATA_DIR, 'SOURCES.json'), JSON.stringify(record, null, 1));
}

if (import.meta.url === `file://${process.argv[1]}`)
  fetchCorpora().catch((e: unknown) => {
    console.error(String(e));
    process.exit(1);
  });
