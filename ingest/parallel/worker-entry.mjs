// The parse pool's worker entry when the project runs as TypeScript: a worker thread does not get
// its parent's tsx loader for its own entry module (not even with execArgv --import), so it
// registers tsx itself, then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
