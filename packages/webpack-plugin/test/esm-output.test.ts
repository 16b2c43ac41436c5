import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import type { Configuration as RspackConfiguration } from '@rspack/core'
import { afterAll, expect, it } from 'vitest'
import { APP, APP_CONFIG } from './app-fixture.js'
import { runRspack } from './run-rspack.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

const node = fileURLToPath(new URL('../../../node_modules/.bin/node', import.meta.url))
const temp = makeTempDir('modspace-webpack-esm-')
afterAll(() => temp.cleanup())

// Run in a Node process of its own: the bundles are ES modules, and their one module cache is what is checked.
const check = (out: string) => `
  const load = (name) => import(${JSON.stringify(out)} + '/' + name + '.mjs')
  const t = (ns) => ns.token ?? ns.default?.token
  const [host, alpha, twin, beta] = await Promise.all(['host', 'alpha/main', 'alpha-twin/main', 'beta/main'].map(load))
  const lazy = await alpha.loadLazy()
  console.log(JSON.stringify({
    sharedIsOne: t(alpha.sharedLib) === t(host.sharedLib),
    ownIsTwo: t(alpha.ownLib) !== t(twin.ownLib),
    nativeIsOne: t(alpha.nativeBinding) === t(beta.default.nativeBinding) && globalThis.__fakeNativeLoads === 1,
    lazyKeepsSpace: t(lazy.ownLib) === t(alpha.ownLib),
  }))`

it('keeps the instances in ES module output, natives loaded once through createRequire', async () => {
  const outDir = temp.dir
  const stats = await runWebpack(
    nodeBuild(APP, outDir, { host: './host.js' }, {
      experiments: { outputModule: true },
      output: { path: outDir, filename: '[name].mjs', chunkFilename: 'chunks/[name].mjs', module: true, chunkFormat: 'module', library: { type: 'module' } },
      plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })],
    }),
  )
  expect(errorMessages(stats)).toEqual([])
  const printed = execFileSync(node, ['--input-type=module', '-e', check(outDir)], { encoding: 'utf8' })
  expect(JSON.parse(printed)).toEqual({ sharedIsOne: true, ownIsTwo: true, nativeIsOne: true, lazyKeepsSpace: true })
})

it('keeps them under rspack too, natives loaded once through node-commonjs externals', async () => {
  const outDir = `${temp.dir}/rspack`
  const stats = await runRspack(
    nodeBuild(APP, outDir, { host: './host.js' }, {
      experiments: { outputModule: true },
      output: { path: outDir, filename: '[name].mjs', chunkFilename: 'chunks/[name].mjs', module: true, chunkFormat: 'module', library: { type: 'module' } },
      plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })],
    }) as RspackConfiguration,
  )
  expect(stats.compilation.errors.map((e) => e.message)).toEqual([])
  const printed = execFileSync(node, ['--input-type=module', '-e', check(outDir)], { encoding: 'utf8' })
  expect(JSON.parse(printed)).toEqual({ sharedIsOne: true, ownIsTwo: true, nativeIsOne: true, lazyKeepsSpace: true })
})
