import { execFile } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'

export type Door = 'import' | 'require'

/** What plain Node did for one case through one door: the operation's JSON result or its error, and the files it loaded. */
export interface Reference {
  shape?: unknown
  value?: unknown
  error?: string
  files: string[]
}

const script = fileURLToPath(new URL('./reference.mjs', import.meta.url))
// V8's code cache for the children (NODE_COMPILE_CACHE: transparent to the code, it only skips compiling again), so
// that the second door and later runs do not compile typescript's 9 MB again.
const compileCache = fileURLToPath(new URL('../../.tmp/compile-cache', import.meta.url))
const pending = new Map<string, Promise<Reference>>()
const queue: (() => void)[] = []
let running = 0
// One core for the children, the rest for the test process itself (and the other packages' suites that turbo runs
// beside this one): each child loads a package cold.
const MAX_RUNNING = Math.max(1, availableParallelism() - 1)

/** Starts every native run now (a few at a time), so that they overlap the tests' own work. */
export function prefetch(runs: [specifier: string, door: Door][]): void {
  for (const [specifier, door] of runs) reference(specifier, door).catch(() => {})
}

/** Runs the case natively in a fresh child process (`process.execPath`: Node 24 under vitest), once per (specifier, door). */
export function reference(specifier: string, door: Door): Promise<Reference> {
  const key = `${door} ${specifier}`
  let result = pending.get(key)
  if (!result) {
    result = new Promise<void>((resolve) => (running < MAX_RUNNING ? resolve() : queue.push(resolve))).then(() => {
      running++
      return spawnReference(specifier, door).finally(() => {
        running--
        queue.shift()?.()
      })
    })
    pending.set(key, result)
  }
  return result
}

function spawnReference(specifier: string, door: Door): Promise<Reference> {
  return new Promise((resolve, reject) => {
    const options = { maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NODE_COMPILE_CACHE: compileCache } }
    execFile(process.execPath, [script, specifier, door], options, (error, stdout, stderr) => {
      if (error) reject(new Error(`the native run of ${specifier} (${door}) failed: ${stderr || error.message}`))
      else resolve(JSON.parse(stdout) as Reference)
    })
  })
}
