// Resolution speed of @modspace/core beside Node's require.resolve and oxc-resolver, on this repo's own installed
// tree (hundreds of real packages). Warm: every answer cached by each resolver; cold: a fresh process per resolver.
import { execFileSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const repo = join(here, '../../..')
const modules = join(repo, 'node_modules')

export function installedPackages() {
  const names = []
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.')) continue
    if (entry.startsWith('@')) for (const sub of readdirSync(join(modules, entry))) names.push(`${entry}/${sub}`)
    else names.push(entry)
  }
  // Only what Node itself can resolve for require(): the peers must all answer the same question.
  const require = createRequire(join(repo, 'package.json'))
  return names.filter((name) => {
    try {
      require.resolve(name)
      return true
    } catch {
      return false
    }
  })
}

const peers = {
  async modspace() {
    // MODSPACE_CORE_DIST: another build of the core (a copy of an earlier dist), to compare before and after a change.
    const { createGraph } = await import(process.env.MODSPACE_CORE_DIST ? pathToFileURL(join(process.env.MODSPACE_CORE_DIST, 'index.js')).href : '../dist/index.js')
    const graph = createGraph({ spaces: { app: { root: '.', delegation: 'parent-first' } } }, { cwd: repo })
    return (name) => graph.resolve({ space: 'app', specifier: name, kind: 'require' }).id
  },
  async 'require.resolve'() {
    const require = createRequire(join(repo, 'package.json'))
    return (name) => require.resolve(name)
  },
  // Not a resolver: the least file work any resolver in JavaScript does per package (an lstat of its folder, its
  // package.json read and parsed, an lstat of its entry), to show how much of a cold resolution that floor is.
  async 'js-io-floor'() {
    const { lstatSync, readFileSync } = await import('node:fs')
    return (name) => {
      const dir = join(modules, name)
      lstatSync(dir)
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'))
      const entry = join(dir, typeof manifest.main === 'string' ? manifest.main : 'index.js')
      lstatSync(entry, { throwIfNoEntry: false })
      return entry
    }
  },
  async 'oxc-resolver'() {
    const { ResolverFactory } = createRequire(import.meta.url)('oxc-resolver')
    const resolver = new ResolverFactory({ conditionNames: ['node', 'require'], extensions: ['.js', '.json', '.node'], mainFields: ['main'] })
    return (name) => resolver.sync(repo, name).path
  },
}

async function warm(peer, names) {
  const resolve = await peers[peer]()
  for (const name of names) resolve(name)
  let count = 0
  const start = process.hrtime.bigint()
  let elapsed = 0n
  while (elapsed < 1_000_000_000n) {
    for (const name of names) resolve(name)
    count += names.length
    elapsed = process.hrtime.bigint() - start
  }
  return count / (Number(elapsed) / 1e9)
}

async function coldInChild(peer) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--cold', peer], { encoding: 'utf8' })
  return JSON.parse(out)
}

const main = process.argv[1] === fileURLToPath(import.meta.url)
if (!main) {
  // Imported for installedPackages(): nothing to run.
} else if (process.argv[2] === '--cold') {
  const names = installedPackages()
  // Loading the resolver (its modules, a graph or factory made) is paid once per process, before the first answer.
  const loadCpuStart = process.cpuUsage()
  const resolve = await peers[process.argv[3]]()
  const loadCpu = process.cpuUsage(loadCpuStart)
  const cpuStart = process.cpuUsage()
  const start = process.hrtime.bigint()
  for (const name of names) resolve(name)
  const micros = Number(process.hrtime.bigint() - start) / 1e3
  // CPU time as well: on a shared machine the wall clock also counts the time other processes held the cores.
  const cpu = process.cpuUsage(cpuStart)
  const cpuMicros = cpu.user + cpu.system
  const loadCpuMillis = (loadCpu.user + loadCpu.system) / 1e3
  process.stdout.write(JSON.stringify({ count: names.length, microsPerResolution: micros / names.length, cpuMicrosPerResolution: cpuMicros / names.length, loadCpuMillis }))
} else {
  const names = installedPackages()
  const rows = []
  for (const peer of Object.keys(peers).filter((peer) => peer !== 'js-io-floor')) {
    const cold = await coldInChild(peer)
    rows.push({ peer, warm: await warm(peer, names), cold: cold.microsPerResolution })
  }
  const ours = rows[0]
  console.log(`\n@modspace/core resolve(): ${names.length} installed packages, Node ${process.version}`)
  console.log('resolver'.padEnd(18), 'warm res/s'.padStart(12), 'cold µs/res'.padStart(12), '  modspace warm ratio')
  for (const row of rows) {
    const ratio = row === ours ? '' : `  ${(ours.warm / row.warm).toFixed(2)}x`
    console.log(row.peer.padEnd(18), Math.round(row.warm).toLocaleString('en').padStart(12), row.cold.toFixed(1).padStart(12), ratio)
  }
  const vsNode = ours.warm / rows[1].warm
  const vsOxc = ours.warm / rows[2].warm
  console.log(`targets: warm above require.resolve (${vsNode.toFixed(2)}x: ${vsNode > 1 ? 'met' : 'NOT met'}), at least half of oxc-resolver (${vsOxc.toFixed(2)}x: ${vsOxc >= 0.5 ? 'met' : 'NOT met'})`)
  console.log(`cold: ${(ours.cold / rows[1].cold).toFixed(2)}x require.resolve's time per resolution, ${(ours.cold / rows[2].cold).toFixed(2)}x oxc-resolver's`)
}
