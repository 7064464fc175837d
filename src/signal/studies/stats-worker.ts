/**
 * Worker thread of the §5.2 study: runs (σ, instance) units with the built-in estimators and selectors for the
 * synchronous pool of src/core/sync-pool.ts (started by `statsStudy` with `threads` > 1).
 */
import { serveUnits } from '../../core/sync-pool.ts';
import { builtInUnit, type StatsUnitData } from './stats-study.ts';

serveUnits<StatsUnitData, ReturnType<typeof builtInUnit>>(builtInUnit);
