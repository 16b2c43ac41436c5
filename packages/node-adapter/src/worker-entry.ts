// The entry of a worker started by `space.worker()`: makes the spaces again from the same config and runs the
// requested file as the main module of the same space. Runs only inside such a worker.
import { syncBuiltinESMExports } from 'node:module'
import workerThreads from 'node:worker_threads'
import { createSpaces } from './create-spaces.js'
import { ModuleSpace } from './module-space.js'
import { WORKER_BOOT, type WorkerBoot } from './worker.js'

const boot = (workerThreads.workerData as Record<string, WorkerBoot> | null)?.[WORKER_BOOT]
if (workerThreads.isMainThread || !boot) {
  throw new Error('@modspace/node-adapter: worker-entry.js is the entry of workers that space.worker() starts; it does nothing elsewhere.')
}
// The code of the worker reads the workerData it was given, as in a plain worker (`import { workerData }` too).
;(workerThreads as { workerData: unknown }).workerData = boot.data
syncBuiltinESMExports()

const space = 'adhoc' in boot.source
  ? new ModuleSpace(boot.source.adhoc)
  : (await createSpaces(boot.source.config, { cwd: boot.source.cwd, cache: boot.source.cache })).get(boot.space)
await space.runMain(boot.file, { argv: boot.argv })
