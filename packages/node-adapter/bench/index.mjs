// The node adapter's benchmark: every figure next to the peer measured in the same run, as a ratio. Cold loads run in
// fresh processes (the median of RUNS), native and space alternating, so that a machine whose speed drifts during the
// run (a shared one does) weighs on both alike; targets are printed, never asserted. Run with `npm run bench`.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { selectedTrees, TREES } from './trees.mjs'

const RUNS = Number(process.env.MODSPACE_BENCH_RUNS ?? 9)
const here = (file) => fileURLToPath(new URL(file, import.meta.url))

function child(script, args, env = {}) {
  const output = execFileSync(process.execPath, [here(script), ...args], { encoding: 'utf8', env: { ...process.env, ...env } })
  return JSON.parse(output.trim().split('\n').pop())
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

function summary(results) {
  if (results[0].unsupported) return { unsupported: results[0].unsupported }
  return {
    ms: median(results.map((r) => r.ms)),
    cpu: results[0].cpu === undefined ? undefined : median(results.map((r) => r.cpu)),
    second: results[0].second === undefined ? undefined : median(results.map((r) => r.second)),
    modules: results[0].modules,
  }
}

function runs(loader, tree) {
  return summary(Array.from({ length: RUNS }, () => child('./load-tree.mjs', [loader, tree])))
}

/**
 * The loaders' runs in turns (a, b, c, a, b, c, ...), each summarised and kept (for `spread`). A loader is
 * [name, env for its process, or a function that makes it for each run].
 */
function alternating(loaders, tree) {
  const results = loaders.map(() => [])
  for (let i = 0; i < RUNS; i++) loaders.forEach(([loader, env], j) => results[j].push(child('./load-tree.mjs', [loader, tree], typeof env === 'function' ? env() : env)))
  return results.map((runs) => ({ ...summary(runs), runs }))
}

/** The quartiles of the ratios a[key]/b.ms of runs taken in the same turn. */
function spread(a, b, key = 'ms') {
  const sorted = a.runs.map((run, i) => run[key] / b.runs[i].ms).sort((x, y) => x - y)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]
  return `${at(0.25).toFixed(2)}–${at(0.75).toFixed(2)}`
}

const ms = (value) => `${value.toFixed(1)} ms`
const ratio = (value, base, spread) => `${(value / base).toFixed(2)}x${spread ? ` (${spread})` : ''}`
/** The ratio of the median CPU times (user + system) of the same runs: the machine's load weighs on it less. */
const cpuRatio = (a, b) => (a.cpu && b.cpu ? `${(a.cpu / b.cpu).toFixed(2)}x` : '')
const rows = []
const scratch = mkdtempSync(join(tmpdir(), 'modspace-bench-'))
let fresh = 0

for (const tree of selectedTrees()) {
  const { label, extra } = TREES[tree]
  // The warm caches are filled before the measured runs (two runs: a space makes a CommonJS file's code cache on its
  // second load); an empty one is made for every run.
  const warm = { MODSPACE_CACHE: join(scratch, `${tree}-warm`), NODE_CC_DIR: join(scratch, `${tree}-node-cc`) }
  for (let i = 0; i < 2; i++) ['space', 'native-cc'].forEach((loader) => child('./load-tree.mjs', [loader, tree], warm))
  const loaders = [
    ['native', {}],
    ['space', () => ({ MODSPACE_CACHE: join(scratch, `empty-${++fresh}`) })],
    ['space', warm],
    ['native-cc', warm],
    ...(extra ? [['space', { MODSPACE_CACHE: '0' }]] : []),
  ]
  const [native, empty, warmed, nativeCc, off] = alternating(loaders, tree)
  const vsNative = (row, space, target) =>
    rows.push([`${row}, ${label}`, ms(space.ms), `native ${ms(native.ms)}`, ratio(space.ms, native.ms, spread(space, native)), cpuRatio(space, native), target])
  if (off) vsNative(`cold load, cache off, ${off.modules} modules`, off, '≤ 1.10x')
  vsNative(`first-ever load (empty cache)${off ? '' : `, ${empty.modules} modules`}`, empty, '≤ 1.30x')
  vsNative('cold process, warm cache', warmed, '≤ 0.80x')
  rows.push([
    `cold process, warm cache, ${label}`,
    ms(warmed.ms),
    `native + its compile cache ${ms(nativeCc.ms)}`,
    ratio(warmed.ms, nativeCc.ms, spread(warmed, nativeCc)),
    cpuRatio(warmed, nativeCc),
    '≤ 1.00x',
  ])
  // The second space of the same process runs what the first compiled (cache off, or filling an empty one).
  const first = off ?? empty
  rows.push([`second space, ${label}`, ms(first.second), `native cold ${ms(native.ms)}`, ratio(first.second, native.ms, spread(first, native, 'second')), '', '≤ 0.30x'])
  if (!extra) continue
  const jest = runs('jest', tree)
  if (jest.unsupported) {
    rows.push([`cold load, ${label}, jest-runtime`, 'n/a', jest.unsupported, '', '', 'peer'])
  } else {
    rows.push([`cold load, ${label}, jest-runtime`, ms(jest.ms), `native ${ms(native.ms)}`, ratio(jest.ms, native.ms), '', 'peer'])
    rows.push([`isolateModules reload, ${label}, jest-runtime`, ms(jest.second), `native cold ${ms(native.ms)}`, ratio(jest.second, native.ms), '', 'peer'])
  }
}
rmSync(scratch, { recursive: true, force: true })

const cycles = child('./space-cycles.mjs', [process.env.MODSPACE_BENCH_CYCLES ?? '1000'])
rows.push(['create + dispose an empty space', `${cycles.emptyMicros.toFixed(1)} µs`, '', '', '', ''])
rows.push([`create/load/dispose cycle (small CJS+ESM tree)`, ms(cycles.cycleMs), '', '', '', ''])
rows.push([
  `heap after ${cycles.cycles} cycles`,
  `${(cycles.after / 2 ** 20).toFixed(2)} MiB`,
  `baseline ${(cycles.baseline / 2 ** 20).toFixed(2)} MiB`,
  `${(((cycles.after - cycles.baseline) / cycles.baseline) * 100).toFixed(1)}%`,
  '',
  '≤ 5%',
])

const header = ['measure', 'modspace', 'peer', 'ratio', 'cpu ratio', 'target']
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)))
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`
console.log(`@modspace/node-adapter on Node ${process.versions.node}, median of ${RUNS} fresh processes per cold figure`)
console.log('(in brackets: the quartiles of the ratios of runs taken in the same turn; cpu ratio: of the median CPU times)\n')
console.log(line(header))
console.log(line(widths.map((w) => '-'.repeat(w))))
for (const row of rows) console.log(line(row))
