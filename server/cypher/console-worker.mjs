// The console worker's entry: a worker thread starts without the parent's TypeScript loader, so it
// registers tsx (as bin/parley.mjs does) before loading ./console-worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./console-worker.ts');
