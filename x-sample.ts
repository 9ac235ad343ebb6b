import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { parleyExtractor } from './ingest/extract/extractor.ts';
import { analyse } from './ingest/nlp/index.ts';
const sample = readFileSync('../shared/eval/articles/miami-talks.txt', 'utf8');
const meta = { id: 'miami-talks', publishedAt: '2025-12-21' };
for (let i = 0; i < 50; i++) parleyExtractor.extract(sample, meta);
const cpu = () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
const t: number[] = []; const ta: number[] = [];
for (let i = 0; i < 200; i++) { let c = cpu(); parleyExtractor.extract(sample, meta); t.push(cpu() - c); c = cpu(); analyse(sample); ta.push(cpu() - c); }
const med = (x: number[]) => x.sort((a, b) => a - b)[x.length >> 1];
console.log('extract median', med(t).toFixed(2), 'analyse median', med(ta).toFixed(2));
const s = new Session(); s.connect(); await s.post('Profiler.enable');
await s.post('Profiler.setSamplingInterval', { interval: 100 });
await s.post('Profiler.start');
for (let i = 0; i < 300; i++) parleyExtractor.extract(sample, meta);
const { profile } = await s.post('Profiler.stop');
writeFileSync('/tmp/lead/sample.cpuprofile', JSON.stringify(profile));
