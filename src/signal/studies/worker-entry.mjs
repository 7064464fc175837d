// Worker bootstrap for the §5.2 study's units: TypeScript loader hooks of the
// parent do not reach worker threads on Node 20, so register tsx, then load the worker.
import { register } from 'tsx/esm/api';
register();
await import('./stats-worker.ts');
