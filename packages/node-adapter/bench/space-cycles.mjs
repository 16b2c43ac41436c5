// In a fresh process: the cost of an empty space (create + dispose), and the heap after many create/load/dispose
// cycles of a small mixed CommonJS/ESM tree against the heap after a warm-up. Prints JSON.
import { fileURLToPath } from 'node:url'
import { setImmediate as tick } from 'node:timers/promises'
import v8 from 'node:v8'
import vm from 'node:vm'
import { createSpaces, ModuleSpace } from '../dist/index.js'

v8.setFlagsFromString('--expose-gc')
const gc = vm.runInNewContext('gc')
const cycles = Number(process.argv[2] ?? 1000)
const tree = fileURLToPath(new URL('../test/fixtures/tree/modspace.config.json', import.meta.url))
const root = fileURLToPath(new URL('../test/fixtures/semantics', import.meta.url))

async function settle() {
  for (let i = 0; i < 6; i++) {
    gc()
    await tick()
  }
  return process.memoryUsage().heapUsed
}

async function cycle() {
  const spaces = await createSpaces(tree)
  await spaces.get('plugin-a').import('./index.js')
  spaces.get('plugin-b').require('./index.js')
  await spaces.dispose()
}

const emptyRuns = 1000
let start = performance.now()
for (let i = 0; i < emptyRuns; i++) await new ModuleSpace({ root, name: `empty-${i}` }).dispose()
const emptyMicros = ((performance.now() - start) * 1000) / emptyRuns

for (let i = 0; i < 100; i++) await cycle()
const baseline = await settle()
start = performance.now()
for (let i = 0; i < cycles; i++) await cycle()
const cycleMs = (performance.now() - start) / cycles
const after = await settle()
console.log(JSON.stringify({ emptyMicros, cycles, cycleMs, baseline, after }))
