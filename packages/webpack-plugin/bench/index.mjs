// Build time with the plugin against the same app built without it, and the bytes the plugin adds to the output, under
// webpack and under rspack (`node bench/index.mjs webpack` or `rspack` for one of them).
// The app is generated into a temp dir: one space holding 400 modules in 20 features, 20 host packages (half ESM,
// half CommonJS) that the space takes from root. Targets: ratio <= 1.10x; 0 bytes added for a static graph.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { rspack } from '@rspack/core'
import webpack from 'webpack'

const FEATURES = 20
const MODULES_PER_FEATURE = 20
const PACKAGES = 20
// Odd, for a median; the fastest run of each side is also printed, as the machine is shared and noisy.
const RUNS = Number(process.env.RUNS ?? 15)

const dir = mkdtempSync(join(tmpdir(), 'modspace-webpack-bench-'))
if (!process.env.KEEP) process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
else console.log(dir)

function write(path, text) {
  mkdirSync(dirname(join(dir, path)), { recursive: true })
  writeFileSync(join(dir, path), text)
}

function generateApp() {
  const deps = {}
  for (let p = 0; p < PACKAGES; p++) {
    const name = `pkg-${p}`
    deps[name] = '^1.0.0'
    const esm = p % 2 === 0
    write(`node_modules/${name}/package.json`, JSON.stringify({ name, version: '1.2.0', ...(esm ? { type: 'module', exports: './index.js' } : { main: 'index.js' }) }))
    const libs = [0, 1, 2, 3].map((j) => `lib/f${j}.js`)
    for (const [j, lib] of libs.entries()) {
      write(`node_modules/${name}/${lib}`, esm ? `export const f${j} = (x) => x * ${j + 2} + ${p}\n` : `exports.f${j} = (x) => x * ${j + 2} + ${p}\n`)
    }
    write(
      `node_modules/${name}/index.js`,
      esm
        ? `${libs.map((l, j) => `import { f${j} } from './${l}'`).join('\n')}\nexport const run = (x) => f0(f1(f2(f3(x))))\n`
        : `${libs.map((l, j) => `const { f${j} } = require('./${l}')`).join('\n')}\nexports.run = (x) => f0(f1(f2(f3(x))))\n`,
    )
  }
  write('package.json', JSON.stringify({ name: 'bench-host', version: '1.0.0', private: true, dependencies: deps }))
  write('app/package.json', JSON.stringify({ name: 'bench-app', version: '1.0.0', type: 'module', dependencies: deps }))
  const features = []
  for (let k = 0; k < FEATURES; k++) {
    for (let i = 0; i < MODULES_PER_FEATURE; i++) {
      const imports = []
      const calls = []
      for (const next of [i + 1, i + 2]) {
        if (next < MODULES_PER_FEATURE) {
          imports.push(`import { m${next} } from './m${next}.js'`)
          calls.push(`m${next}(x)`)
        }
      }
      if (i % 5 === 0) {
        imports.push(`import { run } from 'pkg-${(k + i) % PACKAGES}'`)
        calls.push('run(x)')
      }
      write(`app/src/feature-${k}/m${i}.js`, `${imports.join('\n')}\nexport const m${i} = (x) => ${[`${i}`, ...calls].join(' + ')}\n`)
    }
    features.push(`feature-${k}/m0.js`)
  }
  write('app/src/index.js', `${features.map((f, k) => `import { m0 as f${k} } from './${f}'`).join('\n')}\nexport const total = (x) => ${features.map((_, k) => `f${k}(x)`).join(' + ')}\n`)
  write('modspace.config.json', JSON.stringify({ spaces: { app: { root: './app' } } }))
}

function build(bundler, withPlugin, mode, outDir, optimization = {}) {
  const compiler = BUNDLERS[bundler]({
    context: dir,
    mode,
    target: 'node',
    devtool: false,
    cache: false,
    optimization,
    entry: { main: './app/src/index.js' },
    output: { path: outDir, library: { type: 'commonjs2' } },
    infrastructureLogging: { level: 'error' },
    plugins: withPlugin ? [new ModspacePlugin({ config: './modspace.config.json', manifest: false })] : [],
  })
  const start = performance.now()
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      const ms = performance.now() - start
      compiler.close(() => {})
      if (error || stats.hasErrors()) return reject(error ?? new Error(stats.toString('errors-only')))
      resolve({ ms, modules: [...stats.compilation.modules].length })
    }),
  )
}

function bytes(outDir) {
  return readdirSync(outDir, { recursive: true })
    .filter((f) => String(f).endsWith('.js'))
    .reduce((sum, f) => sum + statSync(join(outDir, String(f))).size, 0)
}

function sameFiles(a, b) {
  const files = (d) => readdirSync(d, { recursive: true }).filter((f) => String(f).endsWith('.js')).sort()
  const names = files(a)
  return JSON.stringify(names) === JSON.stringify(files(b)) && names.every((f) => readFileSync(join(a, String(f)), 'utf8') === readFileSync(join(b, String(f)), 'utf8'))
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

const BUNDLERS = { webpack, rspack }

async function measure(bundler) {
  const out = (name) => join(dir, 'out', bundler, name)
  // Warm-up: the first build pays for loading the bundler's own modules.
  await build(bundler, false, 'development', out('warm'))
  await build(bundler, true, 'development', out('warm'))

  const times = { without: [], with: [] }
  let modules = 0
  for (let run = 0; run < RUNS; run++) {
    // Alternating, so that a slower moment of the machine hurts both sides alike.
    times.without.push((await build(bundler, false, 'development', out('dev-without'))).ms)
    const result = await build(bundler, true, 'development', out('dev-with'))
    times.with.push(result.ms)
    modules = result.modules
  }
  const without = median(times.without)
  const withPlugin = median(times.with)
  const bestWithout = Math.min(...times.without)
  const bestWith = Math.min(...times.with)

  await build(bundler, false, 'production', out('prod-without'))
  await build(bundler, true, 'production', out('prod-with'))
  const bytesWithout = bytes(out('prod-without'))
  const bytesWith = bytes(out('prod-with'))

  console.log(`\n${bundler}: ${modules} modules (${FEATURES * MODULES_PER_FEATURE + 1} in one space, ${PACKAGES} packages from root)`)
  console.log(`build time, development, ${RUNS} alternating builds each:   median      fastest`)
  console.log(`  without the plugin                         ${without.toFixed(0).padStart(6)} ms  ${bestWithout.toFixed(0).padStart(6)} ms`)
  console.log(`  with the plugin                            ${withPlugin.toFixed(0).padStart(6)} ms  ${bestWith.toFixed(0).padStart(6)} ms`)
  console.log(`  ratio (target <= 1.10x)                    ${(withPlugin / without).toFixed(2).padStart(6)}x   ${(bestWith / bestWithout).toFixed(2).padStart(6)}x`)
  console.log('output bytes, production (no module is duplicated in a one-space app):')
  console.log(`  without the plugin  ${String(bytesWithout).padStart(6)} B`)
  console.log(`  with the plugin     ${String(bytesWith).padStart(6)} B`)
  console.log(`  added               ${String(bytesWith - bytesWithout).padStart(6)} B   (target 0)`)
  // rspack hashes a module's identifier, which includes its layer (root's '' under the plugin), into its id: ids
  // then differ by a digit here and there though no code is added. Numbered in order instead, the outputs compare.
  await build(bundler, false, 'production', out('natural-without'), { moduleIds: 'natural' })
  await build(bundler, true, 'production', out('natural-with'), { moduleIds: 'natural' })
  console.log(`  added, module ids numbered in order  ${String(bytes(out('natural-with')) - bytes(out('natural-without'))).padStart(1)} B   (${sameFiles(out('natural-with'), out('natural-without')) ? 'byte for byte the same' : 'the code differs'})`)
}

generateApp()
const only = process.argv.slice(2)
for (const bundler of Object.keys(BUNDLERS)) if (only.length === 0 || only.includes(bundler)) await measure(bundler)
