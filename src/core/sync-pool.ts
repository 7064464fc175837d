/**
 * A synchronous pool of worker threads for independent, numbered units of work (e.g. the (σ, instance) units
 * of a study), for callers that must stay synchronous (claim checks).
 *
 * Every thread — the caller and `threads − 1` workers — takes the next unit index from a shared counter
 * (`Atomics.add`) until none is left. A worker posts each result on its own MessageChannel port, then bumps a
 * shared delivered-counter and notifies; the caller, once it has taken no more units, collects the results with
 * `receiveMessageOnPort` and sleeps in `Atomics.wait` between deliveries. Results are placed by unit index, so
 * the output does not depend on the number of threads (each unit must be a deterministic function of its index).
 *
 * Failure handling: a unit that throws (in any thread) stops the pool with a {@link UnitFailedError} naming the
 * unit and keeping the original error's name and message; if no worker delivers a unit for `noProgressMs`, the
 * pool throws rather than hang. The workers are always terminated. A worker that fails to start costs only
 * speed: the caller takes the units it would have taken.
 */
import { MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { TheorycheckError } from './errors.ts';

/** A unit that threw: `label` names it (e.g. `σ = 0.3, instance 2`); the message keeps the original one. */
export class UnitFailedError extends TheorycheckError {
  override name = 'UnitFailedError';
  constructor(
    readonly unit: number,
    readonly label: string,
    /** Name of the original error (e.g. `EstimatorFailedError`). */
    readonly causeName: string,
    causeMessage: string,
    cause?: unknown,
  ) {
    super(`${label}: ${causeName}: ${causeMessage}`, cause === undefined ? undefined : { cause });
  }
}

/** What {@link runUnits} needs: the units, how to run one here, and the worker script that runs them there. */
export interface UnitPool<T> {
  /** Number of units, indexed 0..count−1. */
  count: number;
  /** Threads in all, the caller included (1: every unit in the caller). */
  threads: number;
  /** Run unit `u` in the calling thread (the worker script must compute the same result). */
  run: (u: number) => T;
  /** Label of unit `u` for error messages. */
  label: (u: number) => string;
  /** The worker script: it calls {@link serveUnits}. */
  worker: URL;
  /** Structured-cloneable data the worker script receives (its options). */
  data: unknown;
}

/** Internal knobs of the pool (tests). */
export interface PoolKnobs {
  /** Fail when no worker delivers a unit for this long while the caller waits (ms; default 30 minutes). */
  noProgressMs?: number;
  /** Whether the caller takes units itself (default true; false leaves every unit to the workers). */
  callerRuns?: boolean;
}

/** Slots of the shared control block. */
const NEXT = 0;
const DELIVERED = 1;

interface PoolWorkerData {
  control: SharedArrayBuffer;
  port: MessagePort;
  count: number;
  data: unknown;
}

type UnitMessage<T> = { unit: number; result: T } | { unit: number; error: { name: string; message: string } };

/** Run units 0..count−1 on `threads` threads and return their results in unit order (see the module comment). */
export function runUnits<T>(p: UnitPool<T>, knobs: PoolKnobs = {}): T[] {
  const callerRuns = knobs.callerRuns ?? true;
  const noProgressMs = knobs.noProgressMs ?? 30 * 60_000;
  const control = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT);
  const ctl = new Int32Array(control);
  const out: T[] = new Array(p.count);
  let done = 0;
  let received = 0;
  const lanes: { worker: Worker; port: MessagePort }[] = [];
  const fail = (u: number, e: unknown): UnitFailedError => {
    Atomics.store(ctl, NEXT, p.count); // no thread takes another unit
    const { name, message } = e instanceof Error ? e : { name: 'Error', message: String(e) };
    return new UnitFailedError(u, p.label(u), name, message, e);
  };
  const drain = (): void => {
    for (const lane of lanes) {
      for (let m = receiveMessageOnPort(lane.port); m; m = receiveMessageOnPort(lane.port)) {
        const msg = m.message as UnitMessage<T>;
        received++;
        if ('error' in msg) throw fail(msg.unit, Object.assign(new Error(msg.error.message), { name: msg.error.name }));
        out[msg.unit] = msg.result;
        done++;
      }
    }
  };
  try {
    const workers = Math.min(p.threads - 1, p.count - (callerRuns ? 1 : 0));
    for (let k = 0; k < workers; k++) {
      const { port1, port2 } = new MessageChannel();
      const wd: PoolWorkerData = { control, port: port2, count: p.count, data: p.data };
      const worker = new Worker(p.worker, { workerData: wd, transferList: [port2], execArgv: [] });
      // Unit errors arrive on the port; an error event means the worker never started, and the units it would
      // have taken are taken by the others (the caller included).
      worker.on('error', () => {});
      worker.unref();
      lanes.push({ worker, port: port1 });
    }
    if (callerRuns) {
      for (let u = Atomics.add(ctl, NEXT, 1); u < p.count; u = Atomics.add(ctl, NEXT, 1)) {
        try {
          out[u] = p.run(u);
        } catch (e) {
          throw fail(u, e);
        }
        done++;
        drain(); // surface a worker's failure early
      }
    }
    while (done < p.count) {
      drain();
      if (done === p.count) break;
      const seen = Atomics.load(ctl, DELIVERED);
      if (seen > received) continue; // posted before the counter moved: on the port by the next drain
      if (Atomics.wait(ctl, DELIVERED, seen, noProgressMs) === 'timed-out') {
        throw new TheorycheckError(`no unit completed in ${noProgressMs} ms (${done} of ${p.count} done): a worker thread stopped responding`);
      }
    }
    return out;
  } finally {
    Atomics.store(ctl, NEXT, p.count);
    for (const lane of lanes) {
      lane.port.close();
      void lane.worker.terminate();
    }
  }
}

/**
 * The worker side of {@link runUnits}: take units until none is left, posting each result (or the error of a
 * unit that threw, then stop). `run` receives the pool's `data` and the unit index.
 */
export function serveUnits<D, T>(run: (data: D, u: number) => T): void {
  const { control, port, count, data } = workerData as PoolWorkerData;
  const ctl = new Int32Array(control);
  for (let u = Atomics.add(ctl, NEXT, 1); u < count; u = Atomics.add(ctl, NEXT, 1)) {
    let failed = false;
    try {
      port.postMessage({ unit: u, result: run(data as D, u) } satisfies UnitMessage<T>);
    } catch (e) {
      failed = true;
      const { name, message } = e instanceof Error ? e : { name: 'Error', message: String(e) };
      port.postMessage({ unit: u, error: { name, message } } satisfies UnitMessage<T>);
    }
    Atomics.add(ctl, DELIVERED, 1);
    Atomics.notify(ctl, DELIVERED);
    if (failed) break;
  }
}
