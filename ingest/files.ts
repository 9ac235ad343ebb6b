// Which files `parley ingest PATH…` means: files as given, directories walked for reports.
import { readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Extensions a directory walk picks up (a file named explicitly goes to the reader as is). */
export const REPORT_EXTENSIONS = ['.txt', '.md', '.markdown', '.html', '.htm', '.json'];

const isReport = (name: string) =>
  REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

/**
 * Expands paths into report files, in a stable order: directories recursively (hidden entries
 * and node_modules skipped, symlink loops followed once), files and missing paths as given so
 * that the read stage names the problem.
 */
export async function listReportFiles(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  const seen = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir);
    if (seen.has(real)) return;
    seen.add(real);
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(dir, entry.name);
      const info = entry.isSymbolicLink() ? await stat(path).catch(() => null) : entry;
      if (!info) continue;
      if (info.isDirectory()) await walk(path);
      else if (info.isFile() && isReport(entry.name)) out.push(path);
    }
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) await walk(path);
    else out.push(path);
  }
  return out;
}
