import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import commonjsModule from '@rollup/plugin-commonjs'
import { rollup } from 'rollup'
import { afterAll, expect, it } from 'vitest'
import { APP, APP_CONFIG, readManifest } from './app-fixture.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

// The package's types describe a CommonJS default export that NodeNext resolution sees as the module itself.
const commonjs = ((commonjsModule as { default?: unknown }).default ?? commonjsModule) as unknown as typeof commonjsModule.default
const temp = makeTempDir('modspace-webpack-parity-')
afterAll(() => temp.cleanup())

type Manifest = ReturnType<typeof readManifest>

/** What both bundlers must agree on, line by line: the instance (space, file), its kind and its package. */
function instances(manifest: Manifest): string[] {
  return manifest.modules.map((m: Manifest['modules'][number] & { package?: { name: string; version: string } }) =>
    `${m.space} ${m.kind} ${m.id}${m.package ? ` ${m.package.name}@${m.package.version}` : ''}`,
  )
}

it('puts the same modules in the same spaces as the Rollup plugin, for one app', async () => {
  const outDir = join(temp.dir, 'webpack')
  const stats = await runWebpack(nodeBuild(APP, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG })] }))
  expect(errorMessages(stats)).toEqual([])
  const fromWebpack = readManifest(outDir)

  // The built @modspace/rollup-plugin, as a user would set it up: commonjs first, then modspace.
  const bundle = await rollup({ input: { host: join(APP, 'host.js') }, plugins: [commonjs(), modspace({ config: APP_CONFIG, cwd: APP })], onwarn: () => {} })
  const { output } = await bundle.generate({ format: 'es', dir: join(temp.dir, 'rollup') })
  await bundle.close()
  const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
  const fromRollup = JSON.parse(String(asset && 'source' in asset ? asset.source : '{}')) as Manifest

  expect(fromRollup.bundler).toBe('rollup')
  expect(fromWebpack.bundler).toBe('webpack')
  expect(instances(fromWebpack).length).toBeGreaterThan(10)
  expect(instances(fromWebpack)).toEqual(instances(fromRollup))
})
