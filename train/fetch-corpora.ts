// Fills train/data/ (git-ignored) with the treebanks named in corpora.ts, at their pinned commits.
//   node --import tsx train/fetch-corpora.ts
// It clones each repository (bare, once) into train/data/git/, or reads an existing clone or
// mirror given as PARLEY_CORPUS_GIT_<NAME> (e.g. PARLEY_CORPUS_GIT_UD_ENGLISH_EWT=/path/repo.git).
// A split whose released file is missing from a mirror (some mirrors drop files over 4 MB) is
// rebuilt from the treebank's own per-document sources and file lists, which give the same
// sentences in the same order.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UD_ENGLISH_EWT, UD_ENGLISH_GUM, type Corpus } from './corpora.ts';

const dataDir = resolve(import.meta.dirname, 'data');

function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', ['--git-dir', gitDir, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    stdio: ['ignore', 'pipe', 'ignore'],
  });
}

function gitDirFor(c: Corpus): string {
  const env =
    process.env[`PARLEY_CORPUS_GIT_${c.name.replace(/[^A-Za-z0-9]/g, '_').toUpperCase()}`];
  if (env) return env;
  const dir = join(dataDir, 'git', `${c.name}.git`);
  if (!existsSync(dir)) {
    console.log(`cloning ${c.repository} …`);
    execFileSync('git', ['clone', '--bare', '--quiet', c.repository, dir], { stdio: 'inherit' });
  }
  return dir;
}

function readSplit(gitDir: string, c: Corpus, split: 'train' | 'dev' | 'test'): string {
  try {
    if (c.documents) throw new Error('only some documents: rebuilt from the sources');
    return git(gitDir, 'show', `${c.commit}:${c.splits[split]}`);
  } catch (e) {
    const sources = c.sources;
    if (!sources) throw e;
    const files = git(gitDir, 'show', `${c.commit}:${sources.lists}${split}`)
      .split('\n')
      .filter((f) => f && (!c.documents || c.documents.test(f)));
    return files
      .map((f) =>
        git(
          gitDir,
          'show',
          `${c.commit}:${sources.dir}${f}${f.endsWith('.conllu') ? '' : '.conllu'}`,
        ),
      )
      .join('');
  }
}

export function fetchCorpus(c: Corpus): string {
  const out = join(dataDir, c.name);
  const stamp = join(out, 'SOURCE.txt');
  if (existsSync(stamp)) return out;
  const gitDir = gitDirFor(c);
  mkdirSync(out, { recursive: true });
  for (const split of ['train', 'dev', 'test'] as const) {
    writeFileSync(join(out, `${split}.conllu`), readSplit(gitDir, c, split));
  }
  writeFileSync(join(out, 'LICENSE.txt'), git(gitDir, 'show', `${c.commit}:LICENSE.txt`));
  writeFileSync(
    stamp,
    `${c.name}\nrepository: ${c.repository}\ncommit: ${c.commit}\nlicence: ${c.licence}\n` +
      `attribution: ${c.attribution}\n`,
  );
  console.log(`${c.name} @ ${c.commit.slice(0, 10)} → ${out}`);
  return out;
}

if (import.meta.filename === process.argv[1]) {
  fetchCorpus(UD_ENGLISH_EWT);
  fetchCorpus(UD_ENGLISH_GUM);
}
