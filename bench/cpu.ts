// Timing on a shared machine: CPU time of this process (other work on the cores does not count),
// a loop measured for a fixed amount of CPU time, and the median of repeated runs.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BenchResult } from './types.ts';

/** CPU milliseconds (user + system) this process has spent since `since`. */
export function cpuMs(since: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(since);
  return (d.user + d.system) / 1000;
}

/** CPU milliseconds (user + system) spent so far by the processes this one started, and theirs
 * (a browser's renderer and GPU processes), read from /proc; 0 where there is no /proc. */
export function descendantsCpuMs(): number {
  let ms = 0;
  for (const v of descendantsCpuByKind().values()) ms += v;
  return ms;
}

/** The same by kind of process: a Chromium child's --type (renderer, gpu-process, …), else
 * its command's name. */
export function descendantsCpuByKind(): Map<string, number> {
  const stats = new Map<number, { parent: number; ticks: number }>();
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return new Map();
  }
  for (const pid of pids) {
    try {
      // Fields after the command name: state, ppid, …, utime (14th field), stime (15th).
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      stats.set(Number(pid), { parent: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) });
    } catch {
      // gone meanwhile
    }
  }
  const kindOf = (pid: number): string => {
    try {
      // Chromium rewrites its children's argv into one string: find the type in it.
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const type = /--type=([\w-]+)/.exec(cmd);
      return type ? type[1] : (cmd.split(/[\0 ]/)[0].split('/').pop() ?? '?');
    } catch {
      return '?';
    }
  };
  const mine = new Set([process.pid]);
  const out = new Map<string, number>();
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, st] of stats)
      if (!mine.has(pid) && mine.has(st.parent)) {
        mine.add(pid);
        const kind = kindOf(pid);
        // clock ticks are 10 ms on Linux (getconf CLK_TCK = 100)
        out.set(kind, (out.get(kind) ?? 0) + st.ticks * 10);
        grew = true;
      }
  }
  return out;
}

/**
 * Calls f (which returns how many items it handled) for about `cpuSeconds` of CPU time after
 * `warmUp` calls; items per CPU-second, and per wall-clock second for comparison.
 */
export function perCpuSecond(
  f: () => number,
  { warmUp = 5, cpuSeconds = 2 } = {},
): { rate: number; wallRate: number } {
  for (let i = 0; i < warmUp; i++) f();
  let n = 0;
  const wall0 = performance.now();
  const t0 = process.cpuUsage();
  while (cpuMs(t0) < cpuSeconds * 1000) n += f();
  return { rate: n / (cpuMs(t0) / 1000), wallRate: n / ((performance.now() - wall0) / 1000) };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Prints a bench's results when its file is run directly (`npx tsx bench/x.bench.ts`). */
export async function runIfMain(
  moduleUrl: string,
  run: () => Promise<BenchResult[]>,
): Promise<void> {
  if (!process.argv[1] || fileURLToPath(moduleUrl) !== process.argv[1]) return;
  for (const r of await run())
    console.log(`${r.name}: ${r.value} ${r.unit}${r.note ? `  (${r.note})` : ''}`);
}
