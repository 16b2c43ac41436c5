// Run by dispose-gives-back.test.ts in a process of its own (node --expose-gc), on the built adapter: the test
// runner's own allocations would drown what is measured. Prints the heap before, with and after the spaces.
import { setTimeout as sleep } from 'node:timers/promises'
import { createSpaces } from '../dist/index.js'

const [warmUp, tree] = process.argv.slice(2)

async function heap() {
  // Finalizers and WeakRefs settle between turns: collect over a few of them. A plain gc() keeps what V8 ages out
  // only under memory pressure (compiled code of scripts no longer referenced): last-resort collects that too.
  for (let i = 0; i < 4; i++) {
    globalThis.gc({ type: 'major', execution: 'sync', flavor: 'last-resort' })
    await sleep(5)
  }
  return process.memoryUsage().heapUsed
}

async function loadAll(dir) {
  const spaces = await createSpaces(`${dir}/modspace.config.json`)
  for (const space of spaces) space.require('./index.js')
  return spaces
}

// What the first load of all sets up once (the adapter's own code, the lexer) is not what a space took.
await (await loadAll(warmUp)).dispose()
const before = await heap()
const spaces = await loadAll(tree)
const loaded = await heap()
await spaces.dispose()
const after = await heap()
process.stdout.write(JSON.stringify({ before, loaded, after, disposed: [...spaces].every((space) => space.disposed) }))
