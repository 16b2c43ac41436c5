import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import commonjsModule from '@rollup/plugin-commonjs'
import type { Configuration as RspackConfiguration } from '@rspack/core'
import { rolldown, type Plugin as RolldownPlugin } from 'rolldown'
import { rollup } from 'rollup'
import { afterAll, expect, it } from 'vitest'
import { APP, APP_CONFIG, PARITY_APP, instances, readManifest } from './app-fixture.js'
import { runRspack } from './run-rspack.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

// The package's types describe a CommonJS default export that NodeNext resolution sees as the module itself.
const commonjs = ((commonjsModule as { default?: unknown }).default ?? commonjsModule) as unknown as typeof commonjsModule.default
const temp = makeTempDir('modspace-webpack-parity-')
afterAll(() => temp.cleanup())

type Manifest = ReturnType<typeof readManifest>

async function fromWebpack(app: string, config: string, host: string): Promise<Manifest> {
  const outDir = join(temp.dir, `webpack-${host}`)
  const stats = await runWebpack(nodeBuild(app, outDir, { host: `./${host}` }, { plugins: [new ModspacePlugin({ config })] }))
  expect(errorMessages(stats)).toEqual([])
  const manifest = readManifest(outDir)
  expect(manifest.bundler).toBe('webpack')
  return manifest
}

/** The same webpack plugin under rspack (docs/webpack.md, "rspack"). */
async function fromRspack(app: string, config: string, host: string): Promise<Manifest> {
  const outDir = join(temp.dir, `rspack-${host}`)
  const stats = await runRspack(nodeBuild(app, outDir, { host: `./${host}` }, { plugins: [new ModspacePlugin({ config })] }) as RspackConfiguration)
  expect(stats.compilation.errors.map((e) => e.message)).toEqual([])
  const manifest = readManifest(outDir)
  expect(manifest.bundler).toBe('rspack')
  return manifest
}

/** The built @modspace/rollup-plugin, as a user would set it up: commonjs first, then modspace. */
async function fromRollup(app: string, config: string, host: string): Promise<Manifest> {
  const bundle = await rollup({ input: { host: join(app, host) }, plugins: [commonjs(), modspace({ config, cwd: app })], onwarn: () => {} })
  const { output } = await bundle.generate({ format: 'es', dir: join(temp.dir, `rollup-${host}`) })
  await bundle.close()
  const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
  const manifest = JSON.parse(String(asset && 'source' in asset ? asset.source : '{}')) as Manifest
  expect(manifest.bundler).toBe('rollup')
  return manifest
}

/** The same plugin under rolldown, which reads CommonJS and resolves files itself. */
async function fromRolldown(app: string, config: string, host: string): Promise<Manifest> {
  const bundle = await rolldown({ input: { host: join(app, host) }, platform: 'node', plugins: [modspace({ config, cwd: app }) as unknown as RolldownPlugin], logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'es', dir: join(temp.dir, `rolldown-${host}`) })
  await bundle.close()
  const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
  const manifest = JSON.parse(String(asset && 'source' in asset ? asset.source : '{}')) as Manifest
  expect(manifest.bundler).toBe('rolldown')
  return manifest
}

it('puts the same modules in the same spaces as the Rollup plugin under Rollup and rolldown, and as itself under rspack, for one app', async () => {
  const webpack = instances(await fromWebpack(APP, APP_CONFIG, 'host.js'))
  expect(webpack.length).toBeGreaterThan(10)
  expect(webpack).toEqual(instances(await fromRollup(APP, APP_CONFIG, 'host.js')))
  expect(webpack).toEqual(instances(await fromRolldown(APP, APP_CONFIG, 'host.js')))
  expect(webpack).toEqual(instances(await fromRspack(APP, APP_CONFIG, 'host.js')))
})

it('lists the same modules as the Rollup plugin under Rollup and rolldown, and as itself under rspack, where CommonJS requires natives and builtins, a module only re-exports, and two self-first spaces share a root', async () => {
  const config = join(PARITY_APP, 'modspace.config.json')
  const webpack = instances(await fromWebpack(PARITY_APP, config, 'host.mjs'))
  expect(webpack).toEqual([
    'one file plugins/p/lazy.mjs plugin-p@1.0.0',
    'one file plugins/p/legacy.cjs plugin-p@1.0.0',
    'one file plugins/p/main.mjs plugin-p@1.0.0',
    'one file plugins/p/node_modules/dep/index.js dep@2.0.0',
    'root file host.mjs parity-app@1.0.0',
    'root file lazy.mjs parity-app@1.0.0',
    'root file legacy.cjs parity-app@1.0.0',
    'root builtin node:fs',
    'root builtin node:os',
    'root builtin node:path',
    'root file node_modules/dep/index.js dep@1.0.0',
    'root native node_modules/nat/index.js nat@1.0.0',
    'root file reexport.mjs parity-app@1.0.0',
    'two file plugins/p/lazy.mjs plugin-p@1.0.0',
    'two file plugins/p/legacy.cjs plugin-p@1.0.0',
    'two file plugins/p/main.mjs plugin-p@1.0.0',
    'two file plugins/p/node_modules/dep/index.js dep@2.0.0',
  ])
  expect(webpack).toEqual(instances(await fromRollup(PARITY_APP, config, 'host.mjs')))
  expect(webpack).toEqual(instances(await fromRolldown(PARITY_APP, config, 'host.mjs')))
  expect(webpack).toEqual(instances(await fromRspack(PARITY_APP, config, 'host.mjs')))
})
