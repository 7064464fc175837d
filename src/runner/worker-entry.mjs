// Worker process bootstrap: a forked plain node process, so register the tsx
// loader here, then load the TypeScript worker.
import { register } from 'tsx/esm/api';
register();
await import('./worker.ts');
