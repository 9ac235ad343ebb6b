// The extraction thread's entry: a worker thread starts without the parent's TypeScript loader,
// so it registers tsx (as bin/parley.mjs does) before loading ./worker.ts.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
