// Worker bootstrap for the Lagrangian block pool: TypeScript loader hooks of the
// parent do not reach worker threads on Node 20, so register tsx, then load the worker.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
