import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

// A heap figure means something only right after a full collection; `gc` is exposed here rather than asking every
// user to start node with --expose-gc.
setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc')

/** Bytes of heap in use after a full garbage collection. */
export function heapAfterGc() {
  gc()
  return process.memoryUsage().heapUsed
}

export const mebibytes = (bytes) => `${(bytes / 2 ** 20).toFixed(2)} MiB`
