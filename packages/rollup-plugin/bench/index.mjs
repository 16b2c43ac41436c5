// Build time and output bytes of a generated app (several hundred modules, four plugin spaces) built with the plugin,
// against the same app built plainly (no plugin: the bundler's own resolution, one space), measured in the same run,
// by Rollup, rolldown and `vite build --ssr`.
// Targets (printed, never asserted): time ratio <= 1.10x; bytes added beyond the duplicated modules: 0.
// Builds alternate (plain, plugin, plain, ...); each prints the median wall time with its spread (min-max), and the
// median CPU time of the process (every thread: rolldown resolves and parses on its own), which a loaded machine
// disturbs less. `ONLY=rolldown,vite` runs some bundlers; `RUNS=n` sets the builds per side.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Buffer } from 'node:buffer'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import modspace from '@modspace/rollup-plugin'
import { rolldown } from 'rolldown'
import { rollup } from 'rollup'
import { build as viteBuild } from 'vite'

const ROOT_MODULES = 200
const ROOT_PACKAGES = 20
const PACKAGE_MODULES = 5
const SPACES = 4
const SPACE_MODULES = 40
const OWN_PACKAGES = 3
const COMMON_MODULES = 10
const RUNS = Number(process.env.RUNS ?? 7)
const ONLY = (process.env.ONLY ?? 'rollup,rolldown,vite').split(',')

const files = {}
const write = (path, text) => (files[path] = text)
const body = (name, imports) => [
  ...imports.map((spec, i) => `import { value as v${i} } from '${spec}'`),
  `export const name = ${JSON.stringify(name)}`,
  `export function value(x = 1) {`,
  `  let total = x`,
  ...imports.map((_, i) => `  total += v${i}(x) % 7`),
  `  return total + name.length`,
  `}`,
  '',
].join('\n')

function writePackage(dir, name, version) {
  write(`${dir}/package.json`, JSON.stringify({ name, version, type: 'module', main: 'index.js' }))
  for (let m = 1; m < PACKAGE_MODULES; m++) write(`${dir}/m${m}.js`, body(`${name}@${version}/m${m}`, m > 1 ? [`./m${m - 1}.js`] : []))
  write(`${dir}/index.js`, body(`${name}@${version}`, [`./m${PACKAGE_MODULES - 1}.js`]))
}

/** `count` modules in `dir`, each importing its two predecessors and one of `bare`; `main.mjs` imports them all. */
function writeSources(dir, count, bare) {
  for (let i = 0; i < count; i++) {
    const imports = [i > 0 && `./s${i - 1}.mjs`, i > 1 && `./s${i - 2}.mjs`, bare[i % bare.length]].filter(Boolean)
    write(`${dir}/s${i}.mjs`, body(`${dir}/s${i}`, imports))
  }
  write(`${dir}/main.mjs`, `${Array.from({ length: count }, (_, i) => `export { value as s${i} } from './s${i}.mjs'`).join('\n')}\n`)
}

const rootPackages = Array.from({ length: ROOT_PACKAGES }, (_, i) => `lib${i}`)
write('package.json', JSON.stringify({ name: 'bench-app', version: '1.0.0', type: 'module', dependencies: Object.fromEntries(rootPackages.map((p) => [p, '^1.0.0'])) }))
for (const p of rootPackages) writePackage(`node_modules/${p}`, p, '1.0.0')
writeSources('src', ROOT_MODULES, rootPackages)
// Source shared by path between the plugins: owned by each importing space, so one copy per space.
for (let i = 0; i < COMMON_MODULES; i++) write(`common/c${i}.mjs`, body(`common/c${i}`, i > 0 ? [`./c${i - 1}.mjs`] : []))
const spaces = {}
for (let s = 0; s < SPACES; s++) {
  const dir = `plugins/p${s}`
  const own = Array.from({ length: OWN_PACKAGES }, (_, i) => `own${i}`)
  write(`${dir}/package.json`, JSON.stringify({ name: `plugin-${s}`, version: '1.0.0', type: 'module', dependencies: { ...Object.fromEntries(rootPackages.map((p) => [p, '^1.0.0'])), ...Object.fromEntries(own.map((p) => [p, `^${s + 2}.0.0`])) } }))
  for (const p of own) writePackage(`${dir}/node_modules/${p}`, p, `${s + 2}.0.0`)
  writeSources(dir, SPACE_MODULES, [...own, ...rootPackages.slice(0, 5), `../../common/c${COMMON_MODULES - 1}.mjs`])
  spaces[`p${s}`] = { root: `./${dir}` }
}
write('modspace.config.json', JSON.stringify({ spaces }))

const dir = mkdtempSync(join(tmpdir(), 'modspace-rollup-bench-'))
for (const [path, text] of Object.entries(files)) {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}
const input = { main: join(dir, 'src/main.mjs'), ...Object.fromEntries(Object.keys(spaces).map((s) => [`${s}/main`, join(dir, `plugins/${s}/main.mjs`)])) }

const pluginOptions = { config: dir, manifest: false, entries: false }

/** One build of the app by each bundler, plainly or with the plugin; each returns its output chunks. */
const bundlers = {
  async rollup(withPlugin) {
    const bundle = await rollup({ input, plugins: withPlugin ? [modspace(pluginOptions), nodeResolve()] : [nodeResolve()], onLog: () => {} })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    return output
  },
  // rolldown resolves files itself: plainly, that is its own resolver; with the plugin, the core answers first.
  async rolldown(withPlugin) {
    const bundle = await rolldown({ input, platform: 'node', plugins: withPlugin ? [modspace(pluginOptions)] : [], logLevel: 'silent' })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    return output
  },
  // `vite build --ssr` with every package bundled in both builds (the plugin bundles what the core resolves).
  async vite(withPlugin) {
    const result = await viteBuild({
      root: dir,
      configFile: false,
      logLevel: 'silent',
      plugins: withPlugin ? [modspace(pluginOptions)] : [],
      ssr: { noExternal: true },
      build: { ssr: true, write: false, minify: false, rolldownOptions: { input } },
    })
    return [result].flat()[0].output
  },
}
const labels = { rollup: 'node-resolve', rolldown: "rolldown's resolver", vite: "vite build --ssr, Vite's resolver" }

async function timed(bundler, withPlugin) {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const output = await bundlers[bundler](withPlugin)
  const used = process.cpuUsage(cpu)
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, output }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const spread = (xs) => `${Math.min(...xs).toFixed(0)}-${Math.max(...xs).toFixed(0)}`
const chunks = (output) => output.filter((o) => o.type === 'chunk')
const bytes = (output) => chunks(output).reduce((n, c) => n + Buffer.byteLength(c.code), 0)
const moduleCount = (output) => chunks(output).reduce((n, c) => n + Object.keys(c.modules).length, 0)
/**
 * Bytes of the extra copies: every rendered copy of a file beyond its first. rolldown's rendered length includes the
 * module's `// <id>` head comment, whose space tag is counted with the tags instead.
 */
function duplicatedBytes(output, bundler) {
  const copies = new Map()
  for (const chunk of chunks(output)) {
    for (const [id, info] of Object.entries(chunk.modules)) {
      const [file, tag = ''] = id.split(/(?=\?modspace=)/)
      copies.set(file, [...(copies.get(file) ?? []), info.renderedLength - (bundler === 'rollup' ? 0 : tag.length)])
    }
  }
  let duplicated = 0
  for (const lengths of copies.values()) duplicated += lengths.slice(1).reduce((a, b) => a + b, 0)
  return duplicated
}

/**
 * Bytes of space tags (`?modspace=p0&lang.js`) in the output. rolldown heads each module with a `// <file>` comment
 * naming its id: a space's module carries its tag there. Comments, not code; Rollup writes none.
 */
const tagBytes = (output) => chunks(output).reduce((n, c) => n + [...c.code.matchAll(/\?modspace=[^\s]*/g)].reduce((m, [tag]) => m + tag.length, 0), 0)

const rows = []
const ratios = []
for (const bundler of ONLY) {
  const times = { plain: [], plugin: [] }
  const cpu = { plain: [], plugin: [] }
  let plainOut
  let pluginOut
  await timed(bundler, false) // warm up the JIT for both
  await timed(bundler, true)
  for (let r = 0; r < RUNS; r++) {
    globalThis.gc?.()
    const plain = await timed(bundler, false)
    globalThis.gc?.()
    const plugin = await timed(bundler, true)
    times.plain.push(plain.ms)
    times.plugin.push(plugin.ms)
    cpu.plain.push(plain.cpuMs)
    cpu.plugin.push(plugin.cpuMs)
    plainOut = plain.output
    pluginOut = plugin.output
  }
  const plainMs = median(times.plain)
  const pluginMs = median(times.plugin)
  const duplicated = duplicatedBytes(pluginOut, bundler)
  rows.push(
    { build: `${bundler}: plain (${labels[bundler]}, one space)`, modules: moduleCount(plainOut), 'time (ms)': plainMs.toFixed(1), 'spread (ms)': spread(times.plain), 'CPU (ms)': median(cpu.plain).toFixed(0), 'output bytes': bytes(plainOut) },
    { build: `${bundler}: modspace`, modules: moduleCount(pluginOut), 'time (ms)': pluginMs.toFixed(1), 'spread (ms)': spread(times.plugin), 'CPU (ms)': median(cpu.plugin).toFixed(0), 'output bytes': bytes(pluginOut) },
  )
  const tags = tagBytes(pluginOut)
  ratios.push({
    bundler,
    'time ratio (target <= 1.10x)': `${(pluginMs / plainMs).toFixed(3)}x`,
    'CPU ratio': `${(median(cpu.plugin) / median(cpu.plain)).toFixed(3)}x`,
    'bytes of duplicated modules': duplicated,
    'space tags in comments': tags,
    'bytes added beyond them (target 0)': bytes(pluginOut) - bytes(plainOut) - duplicated - tags,
  })
}

console.log(`app: ${SPACES} plugin spaces (common/ owned once per space) over a root; the same app for every bundler, median of ${RUNS} builds each`)
console.table(rows)
console.table(ratios)
if (!process.env.KEEP) rmSync(dir, { recursive: true, force: true })
else console.log(dir)
