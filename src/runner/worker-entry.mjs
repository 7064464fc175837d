// Worker bootstrap: TypeScript loader hooks of the parent do not reach worker
// threads on Node 20, so register tsx here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
