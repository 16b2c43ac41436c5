// The parse decision's benchmark (issue #11): the token scan against rollup's parser and oxc-parser feeding the same
// AST path, (1) in one process, per file and per tree, and (2) as the first-ever load of a tree (an empty compile
// cache) and a warm-cache load in fresh processes, against native Node. Runs alternate (every loader once per turn)
// and each figure is a median, with the quartiles of the per-turn ratios as its spread. Targets are printed, never
// asserted. Run with `npm run bench:parse -w @modspace/node-adapter` (MODSPACE_BENCH_RUNS, default 7).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createRequire } from 'node:module'
import { checkModuleBody } from '../dist/esm/check-module-body.js'
import { parseEveryModuleWith, transformEsm } from '../dist/esm/transform-esm.js'
import { parseWithOxc } from './oxc-parse.mjs'
import { trees } from './parse-trees.mjs'

const RUNS = Number(process.env.MODSPACE_BENCH_RUNS ?? 7)
const here = (file) => fileURLToPath(new URL(file, import.meta.url))
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const quartiles = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))]
  return `${at(0.25).toFixed(2)}–${at(0.75).toFixed(2)}`
}
const table = (head, rows) => [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n')

function load(loader, tree, cache) {
  const output = execFileSync(process.execPath, [here('./parse-load.mjs'), loader, tree], { encoding: 'utf8', env: { ...process.env, MODSPACE_CACHE: cache } })
  return JSON.parse(output.trim().split('\n').pop())
}

const parsers = {
  scan: (source, file) => transformEsm(source, file),
  rollup: (source, file) => transformEsm(source, file, { ast: true }),
  oxc: (source, file) => {
    parseEveryModuleWith(parseWithOxc)
    try {
      return transformEsm(source, file)
    } finally {
      parseEveryModuleWith(undefined)
    }
  },
}
const names = Object.keys(parsers)

// The files each tree's load transforms (rxjs's ES build does not load in Node: its imports name no extension; all of
// its files are measured in process).
const scratch = mkdtempSync(join(tmpdir(), 'modspace-parse-'))
const files = {}
for (const tree of Object.keys(trees)) {
  if (tree === 'rxjs') {
    const dir = join(trees.rxjs.entry, '..')
    files.rxjs = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f))
  } else {
    files[tree] = load('scan', tree, '0').files
  }
}

// (1) In one process: a round over every file per parser, the parsers' order turning each round; the first round
// (the JIT still cold) is left out.
const inProcess = []
let differ = 0
for (const [tree, list] of Object.entries(files)) {
  const sources = list.map((file) => [file, readFileSync(file, 'utf8')])
  for (const [file, source] of sources) {
    if (parsers.oxc(source, file).code !== parsers.rollup(source, file).code) differ++
  }
  const perFile = Object.fromEntries(names.map((name) => [name, sources.map(() => [])]))
  const totals = Object.fromEntries(names.map((name) => [name, []]))
  for (let round = 0; round <= RUNS; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length]
      let total = 0
      sources.forEach(([file, source], i) => {
        const start = performance.now()
        parsers[name](source, file)
        const ms = performance.now() - start
        total += ms
        if (round > 0) perFile[name][i].push(ms)
      })
      if (round > 0) totals[name].push(total)
    }
  }
  const fileMedians = Object.fromEntries(names.map((name) => [name, perFile[name].map(median)]))
  const bytes = sources.reduce((sum, [, source]) => sum + source.length, 0)
  for (const name of names) {
    const ratios = fileMedians[name].map((ms, i) => ms / fileMedians.scan[i])
    const turnRatios = totals[name].map((ms, i) => ms / totals.scan[i])
    inProcess.push([
      `${tree} (${sources.length} files, ${(bytes / 1024).toFixed(0)} KiB)`,
      name,
      `${median(totals[name]).toFixed(1)} ms`,
      `${median(turnRatios).toFixed(2)}x (${quartiles(turnRatios)})`,
      `${(median(fileMedians[name]) * 1000).toFixed(0)} µs`,
      `${median(ratios).toFixed(2)}x (${quartiles(ratios)})`,
    ])
  }
}
console.log(`In one process, medians of ${RUNS} rounds after a first (oxc's output differs from rollup's on ${differ} files):\n`)
console.log(table(['tree', 'path', 'tree total', 'vs scan (quartiles)', 'median file', 'per-file vs scan (quartiles)'], inProcess))

// (1b) Where the time goes, over all the trees' files: each parser alone (no walk, no rewrite), oxc with its semantic
// checks (every early error of a module, which would make V8's second parse of the body unneeded), and that second
// parse (check-module-body.ts), which every fresh transform pays today.
const load2 = createRequire(import.meta.url)
const { parseAst } = load2('rollup/parseAst')
const { parseSync } = load2('oxc-parser')
const all = Object.values(files).flat().map((file) => [file, readFileSync(file, 'utf8')])
const prepared = all.map(([file, source]) => [file, source, transformEsm(source, file)])
const steps = {
  'scan + assemble (the transform as shipped, most modules)': ([file, source]) => transformEsm(source, file),
  'rollup parseAst alone': ([, source]) => parseAst(source),
  'oxc parseSync alone': ([file, source]) => parseSync(file, source, { sourceType: 'module', lang: 'js', preserveParens: false }),
  'oxc parseSync with semantic errors': ([file, source]) => parseSync(file, source, { sourceType: 'module', lang: 'js', preserveParens: false, showSemanticErrors: true }),
  "V8's second parse of the body (checkModuleBody)": ([file, , t]) => checkModuleBody(t.code.slice(t.bodyStart, -3), file, t.async, t.importedNames),
}
const stepTimes = Object.fromEntries(Object.keys(steps).map((name) => [name, []]))
for (let round = 0; round <= RUNS; round++) {
  for (const [name, step] of Object.entries(steps)) {
    const start = performance.now()
    for (const item of prepared) step(item)
    if (round > 0) stepTimes[name].push(performance.now() - start)
  }
}
const base = median(stepTimes[Object.keys(steps)[0]])
console.log(`\nEach step alone over the ${all.length} files above, medians of ${RUNS} rounds after a first:\n`)
console.log(table(['step', 'all files', 'vs the scan'], Object.entries(stepTimes).map(([name, times]) => [name, `${median(times).toFixed(1)} ms`, `${(median(times) / base).toFixed(2)}x`])))

// (2) Fresh processes: native, then a space through each path with an empty cache (a new folder each run), then a
// space with a warm cache (filled by two runs before).
const loadRows = []
let fresh = 0
for (const tree of Object.keys(trees).filter((name) => name !== 'rxjs')) {
  const warm = join(scratch, `${tree}-warm`)
  for (let i = 0; i < 2; i++) load('scan', tree, warm)
  const loaders = [
    ['native', 'native', () => '0'],
    ['first-ever load, scan', 'scan', () => join(scratch, `empty-${++fresh}`)],
    ['first-ever load, rollup', 'rollup', () => join(scratch, `empty-${++fresh}`)],
    ['first-ever load, oxc', 'oxc', () => join(scratch, `empty-${++fresh}`)],
    ['warm cache', 'scan', () => warm],
  ]
  const runs = loaders.map(() => [])
  for (let i = 0; i < RUNS; i++) loaders.forEach(([, loader, cache], j) => runs[j].push(load(loader, tree, cache()).ms))
  loaders.forEach(([label], j) => {
    if (j === 0) return
    const ratios = runs[j].map((ms, i) => ms / runs[0][i])
    const vsScan = runs[j].map((ms, i) => ms / runs[1][i])
    const target = label === 'warm cache' ? '≤ 0.80x' : '≤ 1.30x'
    loadRows.push([tree, label, `${median(runs[j]).toFixed(1)} ms`, `${median(runs[0]).toFixed(1)} ms`, `${median(ratios).toFixed(2)}x (${quartiles(ratios)})`, target, `${median(vsScan).toFixed(2)}x (${quartiles(vsScan)})`])
  })
}
rmSync(scratch, { recursive: true, force: true })
console.log(`\nFresh processes, medians of ${RUNS} runs in turns:\n`)
console.log(table(['tree', 'load', 'space', 'native', 'vs native (quartiles)', 'target', 'vs the scan\'s first-ever load'], loadRows))
