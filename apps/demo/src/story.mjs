// The demo's story. One config (examples/plugin-host: a host with two plugins, one needing an older logger, both
// sharing the host's UI kit, one with a fake `node:net`), applied three ways: live in this Node process, and compiled
// by Rollup and by webpack. Every step prints what it shows; the last line says whether the three agree.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { checkGraph, formatGraph, formatManifest, loadGraph } from '@modspace/core'
import { runInNode } from './run-in-node.mjs'
import { buildWithRollup } from './build-with-rollup.mjs'
import { buildWithWebpack } from './build-with-webpack.mjs'
import { browserDir, buildPages, versionsBySpace } from './browser/build-pages.mjs'

const example = fileURLToPath(new URL('../../../examples/plugin-host', import.meta.url))
const docs = fileURLToPath(new URL('../docs', import.meta.url))
const heading = (text) => console.log(`\n== ${text} ==`)

heading('1. The space graph (modspace graph, modspace check)')
const graph = await loadGraph(example)
console.log(formatGraph(graph.config, 'text'))
const problems = checkGraph(graph)
for (const p of problems) console.log(`${p.severity}: ${p.message}`)
if (problems.some((p) => p.severity === 'error')) throw new Error('the example config has errors')

heading('2. Why legacy-reports gets its own logger (modspace explain)')
console.log(graph.explain({ space: 'legacy-reports', specifier: '@example/logger', importer: join(example, 'plugins/legacy-reports/index.js'), kind: 'require' }))

heading('3. At run time: @modspace/node-adapter')
const live = await runInNode(example)
for (const line of live.lines) console.log(line)

const out = mkdtempSync(join(tmpdir(), 'modspace-demo-'))
try {
  heading('4. In a bundle: @modspace/rollup-plugin')
  const rollup = await buildWithRollup(example, join(out, 'rollup'))
  for (const line of rollup.lines) console.log(line)
  console.log(formatManifest(rollup.manifest))

  heading('5. In a bundle: @modspace/webpack-plugin')
  const webpack = await buildWithWebpack(example, join(out, 'webpack'))
  for (const line of webpack.lines) console.log(line)
  console.log(formatManifest(webpack.manifest))

  heading('6. Do Node, Rollup and webpack agree?')
  const key = (m) => `${m.space} ${m.id}`
  const inRollup = new Set(rollup.manifest.modules.map(key))
  const inWebpack = new Set(webpack.manifest.modules.map(key))
  const onlyRollup = [...inRollup].filter((k) => !inWebpack.has(k))
  const onlyWebpack = [...inWebpack].filter((k) => !inRollup.has(k))
  for (const k of onlyRollup) console.log(`only in the Rollup build: ${k}`)
  for (const k of onlyWebpack) console.log(`only in the webpack build: ${k}`)
  const sameBundles = onlyRollup.length === 0 && onlyWebpack.length === 0
  const sameOutput = JSON.stringify(live.facts) === JSON.stringify(rollup.facts) && JSON.stringify(live.facts) === JSON.stringify(webpack.facts)
  if (!sameOutput) console.log(JSON.stringify({ node: live.facts, rollup: rollup.facts, webpack: webpack.facts }, null, 2))
  console.log(`manifests: ${sameBundles ? `the same ${inRollup.size} module instances in the same spaces` : 'DIFFERENT'}`)
  console.log(`behaviour: ${sameOutput ? 'the plugins print the same in Node, Rollup and webpack' : 'DIFFERENT'}`)

  heading('7. Micro-frontends: two Preacts and one event bus on a page (apps/demo/browser)')
  const pages = await buildPages(join(out, 'pages'))
  for (const [bundler, manifest] of Object.entries(pages)) {
    const owners = (name) => Object.entries(versionsBySpace(manifest, name)).map(([space, versions]) => `${space} ${versions.join(', ')}`).join(' · ')
    console.log(`${bundler}: preact in ${owners('preact')}; @mfe/host-bus in ${owners('@mfe/host-bus')}`)
  }
  const samePages = JSON.stringify(pages.rollup.modules) === JSON.stringify(pages.webpack.modules)
  console.log(`pages: ${samePages ? 'Rollup and webpack put the same module instances in the same spaces' : 'DIFFERENT'}`)
  console.log('npm run demo -- --serve shows both pages in a browser; test/browser.test.mjs reads them in headless Chromium')

  heading('8. The picture: modspace graph --format svg --manifest <build>/modspace-manifest.json')
  mkdirSync(docs, { recursive: true })
  const pictures = [
    ['plugin-host-graph.svg', graph.config, rollup.manifest],
    ['micro-frontends-graph.svg', (await loadGraph(browserDir)).config, pages.rollup],
  ]
  for (const [name, config, manifest] of pictures) {
    writeFileSync(join(docs, name), formatGraph(config, 'svg', { manifest }))
    console.log(`apps/demo/docs/${name}: the spaces of ${relative(join(docs, '../../..'), config.configFile)}, and what each owns in the ${manifest.bundler} build`)
  }
  process.exitCode = sameBundles && sameOutput && samePages ? 0 : 1
} finally {
  rmSync(out, { recursive: true, force: true })
}
