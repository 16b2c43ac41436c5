// One test262 test, run the same way natively and in a space: the harness as a global script, then the test through
// `load` (an ES module imported, or a script's CommonJS twin required), and its outcome as a string.
import { join } from 'node:path'
import { clearTimeout, setTimeout } from 'node:timers'
import vm from 'node:vm'
import { harnessSource, scriptTwin } from './cases.mjs'

/** How long an async test may take to call `$DONE`, and a module graph to settle: long, so that a loaded machine passes. */
const TIMEOUT_MS = 10_000

/**
 * `pass`, `fail:<ErrorType>` (the constructor's name of what was thrown) or `timeout`. Test262's negative tests call
 * `$DONOTEVALUATE()` first, so an early error that is missed shows as `fail:Test262Error`, not as a pass.
 * @param {import('./cases.mjs').Case} testCase
 * @param {string} root  the materialized suite
 * @param {(file: string, module: boolean) => Promise<unknown> | unknown} load
 */
export async function runCase(testCase, root, load) {
  let done
  const finished = new Promise((resolve) => (done = resolve))
  onUncaught = (error) => done(failure(error))
  const timer = setTimeout(() => done('timeout'), TIMEOUT_MS)
  try {
    globalThis.$DONE = (error) => done(error ? failure(error) : 'pass')
    vm.runInThisContext(harnessSource(testCase), { filename: join(root, 'harness.js') })
    const file = join(root, testCase.module ? testCase.file : scriptTwin(testCase.file))
    try {
      await load(file, testCase.module)
      if (!testCase.async) done('pass')
    } catch (error) {
      done(failure(error))
    }
    return await finished
  } finally {
    clearTimeout(timer)
    onUncaught = () => {}
  }
}

// An error nothing caught fails the test that is running; one that comes after its end (a promise it left behind)
// is dropped rather than ending the process.
let onUncaught = () => {}
process.on('unhandledRejection', (error) => onUncaught(error))
process.on('uncaughtException', (error) => onUncaught(error))

function failure(error) {
  const type = error !== null && (typeof error === 'object' || typeof error === 'function') ? error.constructor?.name : undefined
  return `fail:${type ?? typeof error}`
}
