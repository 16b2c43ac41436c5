import { fileURLToPath } from 'node:url'
import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { ModspaceConfig } from '@modspace/core'
import type { CompileCacheSetting } from './cache/cache-settings.js'
import type { ModuleSpace, ModuleSpaceOptions } from './module-space.js'

/** What a set of spaces was made from, so that a worker can make the same spaces again. */
export type SpacesSource =
  | { config: string | ModspaceConfig; cwd: string; cache?: CompileCacheSetting }
  | { adhoc: ModuleSpaceOptions }

/** Options of `space.worker()`: Node's `Worker` options but `eval` (the entry is a file of the space). */
export type SpaceWorkerOptions = Omit<WorkerOptions, 'eval'>

/** The key of `workerData` under which the worker's entry finds what to start; the user's `workerData` is restored. */
export const WORKER_BOOT = '__modspace_worker'

export interface WorkerBoot {
  source: SpacesSource
  space: string
  file: string
  argv: string[]
  data: unknown
}

/**
 * Starts a `worker_threads` Worker whose entry runs as the main module of the space of that name in spaces made
 * again, in the worker, from the same config: the space's rules hold in the thread. Modules are not shared across
 * threads (each thread has its own instances, as with plain workers), nor are live overrides (`space.override()`).
 */
export function startSpaceWorker(space: ModuleSpace, source: SpacesSource, file: string | URL, options: SpaceWorkerOptions = {}): Worker {
  const path = typeof file === 'string' ? file : fileURLToPath(file)
  const { workerData, argv = [], ...rest } = options as WorkerOptions
  const boot: WorkerBoot = {
    source,
    space: space.name,
    file: path,
    argv: argv.map(String),
    data: workerData,
  }
  return new Worker(new URL('./worker-entry.js', import.meta.url), { ...rest, argv, workerData: { [WORKER_BOOT]: boot } })
}
