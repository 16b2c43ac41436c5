// The node adapter's benchmark: every figure next to the peer measured in the same run, as a ratio. Cold loads run in
// fresh processes (the median of RUNS), native and space alternating, so that a machine whose speed drifts during the
// run (a shared one does) weighs on both alike; targets are printed, never asserted. Run with `npm run bench`.
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const RUNS = Number(process.env.MODSPACE_BENCH_RUNS ?? 9)
const here = (file) => fileURLToPath(new URL(file, import.meta.url))

function child(script, args) {
  return JSON.parse(execFileSync(process.execPath, [here(script), ...args], { encoding: 'utf8' }).trim().split('\n').pop())
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function summary(results) {
  if (results[0].unsupported) return { unsupported: results[0].unsupported }
  return {
    ms: median(results.map((r) => r.ms)),
    second: results[0].second === undefined ? undefined : median(results.map((r) => r.second)),
    modules: results[0].modules,
  }
}

function runs(loader, tree) {
  return summary(Array.from({ length: RUNS }, () => child('./load-tree.mjs', [loader, tree])))
}

/** The loaders' runs in turns (a, b, a, b, ...), each summarised. */
function alternating(loaders, tree) {
  const results = loaders.map(() => [])
  for (let i = 0; i < RUNS; i++) loaders.forEach((loader, j) => results[j].push(child('./load-tree.mjs', [loader, tree])))
  return results.map(summary)
}

const ms = (value) => `${value.toFixed(1)} ms`
const ratio = (value, base) => `${(value / base).toFixed(2)}x`
const rows = []

for (const [tree, label] of [['cjs', 'webpack (CommonJS)'], ['esm', '@sinclair/typebox (ESM build)']]) {
  const [native, space] = alternating(['native', 'space'], tree)
  rows.push([`cold load, ${label}, ${space.modules} modules`, ms(space.ms), `native ${ms(native.ms)}`, ratio(space.ms, native.ms), '≤ 1.10x'])
  rows.push([`second space, ${label}`, ms(space.second), `native cold ${ms(native.ms)}`, ratio(space.second, native.ms), '≤ 0.30x'])
  const jest = runs('jest', tree)
  if (jest.unsupported) {
    rows.push([`cold load, ${label}, jest-runtime`, 'n/a', jest.unsupported, '', 'peer'])
  } else {
    rows.push([`cold load, ${label}, jest-runtime`, ms(jest.ms), `native ${ms(native.ms)}`, ratio(jest.ms, native.ms), 'peer'])
    rows.push([`isolateModules reload, ${label}, jest-runtime`, ms(jest.second), `native cold ${ms(native.ms)}`, ratio(jest.second, native.ms), 'peer'])
  }
}

const cycles = child('./space-cycles.mjs', [process.env.MODSPACE_BENCH_CYCLES ?? '1000'])
rows.push(['create + dispose an empty space', `${cycles.emptyMicros.toFixed(1)} µs`, '', '', ''])
rows.push([`create/load/dispose cycle (small CJS+ESM tree)`, ms(cycles.cycleMs), '', '', ''])
rows.push([
  `heap after ${cycles.cycles} cycles`,
  `${(cycles.after / 2 ** 20).toFixed(2)} MiB`,
  `baseline ${(cycles.baseline / 2 ** 20).toFixed(2)} MiB`,
  `${(((cycles.after - cycles.baseline) / cycles.baseline) * 100).toFixed(1)}%`,
  '≤ 5%',
])

const header = ['measure', 'modspace', 'peer', 'ratio', 'target']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
console.log(`@modspace/node-adapter on Node ${process.versions.node}, median of ${RUNS} fresh processes per cold figure\n`)
console.log(line(header))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const row of rows) console.log(line(row))
