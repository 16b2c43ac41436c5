// Cold resolution only, repeated: each run is a fresh process per resolver, the resolvers alternating so that a busy
// spell of a shared machine falls on all of them. Prints, for each, the median and spread of the wall-clock and CPU µs
// per resolution, the median of the per-run ratios to oxc-resolver, and the CPU time of loading each resolver.
// Usage: node bench/cold.mjs [runs=15] [earlier-dist]   (earlier-dist: a copy of an earlier build, run as "before")
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const runs = Number(process.argv[2] ?? 15)
const before = process.argv[3] && resolve(process.argv[3])
const index = fileURLToPath(new URL('./index.mjs', import.meta.url))
const peers = [
  { label: 'modspace', peer: 'modspace', env: {} },
  ...(before ? [{ label: 'modspace before', peer: 'modspace', env: { MODSPACE_CORE_DIST: before } }] : []),
  { label: 'js-io-floor', peer: 'js-io-floor', env: {} },
  { label: 'oxc-resolver', peer: 'oxc-resolver', env: {} },
]
const wall = new Map(peers.map((p) => [p.label, []]))
const cpu = new Map(peers.map((p) => [p.label, []]))
const load = new Map(peers.map((p) => [p.label, []]))
let count = 0
for (let run = 0; run < runs; run++) {
  for (const { label, peer, env } of run % 2 ? [...peers].reverse() : peers) {
    const out = JSON.parse(execFileSync(process.execPath, [index, '--cold', peer], { encoding: 'utf8', env: { ...process.env, ...env } }))
    wall.get(label).push(out.microsPerResolution)
    cpu.get(label).push(out.cpuMicrosPerResolution)
    load.get(label).push(out.loadCpuMillis)
    count = out.count
  }
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.round(q * (values.length - 1))]
const range = (values, digits = 0) => `${quantile(values, 0.25).toFixed(digits)}–${quantile(values, 0.75).toFixed(digits)}`
console.log(`\ncold resolution: ${count} installed packages, ${runs} runs each, alternating, Node ${process.version}`)
console.log('µs/resolution'.padEnd(22), 'median'.padStart(8), 'p25–p75'.padStart(12), 'min–max'.padStart(12), '  ÷ oxc, median of runs (p25–p75)')
for (const [kind, series] of [['wall', wall], ['cpu', cpu]]) {
  const oxc = series.get('oxc-resolver')
  for (const { label } of peers) {
    const values = series.get(label)
    const ratios = values.map((value, run) => value / oxc[run])
    const ratio = label === 'oxc-resolver' ? '' : `  ${quantile(ratios, 0.5).toFixed(2)}x (${range(ratios, 2)})`
    console.log(`${kind} ${label}`.padEnd(22), quantile(values, 0.5).toFixed(1).padStart(8), range(values).padStart(12), `${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)}`.padStart(12), ratio)
  }
}
// What a process pays before its first answer: the resolver's modules loaded and a graph (or factory) made.
console.log('load, CPU ms'.padEnd(22), 'median'.padStart(8), 'p25–p75'.padStart(12), 'min–max'.padStart(12))
for (const { label } of peers) {
  const values = load.get(label)
  console.log(`load ${label}`.padEnd(22), quantile(values, 0.5).toFixed(1).padStart(8), range(values, 1).padStart(12), `${Math.min(...values).toFixed(1)}–${Math.max(...values).toFixed(1)}`.padStart(12))
}
console.log('target (issue #11): cold ≤ 2x oxc-resolver')
