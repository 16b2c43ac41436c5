import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import type { Configuration, Stats } from '@rspack/core'
import { afterAll, describe, expect, it } from 'vitest'
import { APP, APP_CONFIG, PARITY_APP, expectAppInstances, instances, readManifest } from './app-fixture.js'
import { runRspack } from './run-rspack.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-rspack-app-')
afterAll(() => temp.cleanup())

function rspackErrors(stats: Stats): string[] {
  return stats.compilation.errors.map((e) => e.message)
}

describe('a development build of the app under rspack', async () => {
  const outDir = join(temp.dir, 'dev')
  const stats = await runRspack(nodeBuild(APP, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG })] }) as Configuration)
  const modules = stats.toJson({ modules: true }).modules ?? []
  const layersOf = (file: string) => modules.filter((m) => m.nameForCondition === join(APP, file)).map((m) => m.layer || null).sort()

  it('builds without errors or warnings', () => {
    expect(rspackErrors(stats)).toEqual([])
    expect(stats.compilation.warnings.map((w) => w.message)).toEqual([])
  })

  it("puts each module in the layer of the space that owns it, and root-owned modules in root's layer ''", () => {
    expect(layersOf('plugins/alpha/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('plugins/alpha/node_modules/own-lib/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('node_modules/shared-lib/index.js')).toEqual([null])
    expect(layersOf('plugins/beta/node_modules/shared-lib/index.js')).toEqual(['beta'])
    expect(layersOf('stubs/os.js')).toEqual(['alpha'])
  })

  it('runs with the instances the config implies, the pinned native package loaded from disk once', async () => {
    await expectAppInstances(outDir)
  })

  it("emits the manifest webpack's build emits, naming rspack", async () => {
    const manifest = readManifest(outDir)
    expect(manifest.bundler).toBe('rspack')
    const webpackOut = join(temp.dir, 'webpack-dev')
    expect(errorMessages(await runWebpack(nodeBuild(APP, webpackOut, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG })] })))).toEqual([])
    expect(instances(manifest)).toEqual(instances(readManifest(webpackOut)))
  })
})

it("lists the parity app's modules as webpack does (and so as the Rollup plugin does, test/rollup-parity.test.ts)", async () => {
  const config = join(PARITY_APP, 'modspace.config.json')
  const plugins = () => [new ModspacePlugin({ config })]
  const fromRspack = join(temp.dir, 'parity-rspack')
  const fromWebpack = join(temp.dir, 'parity-webpack')
  expect(rspackErrors(await runRspack(nodeBuild(PARITY_APP, fromRspack, { host: './host.mjs' }, { plugins: plugins() }) as Configuration))).toEqual([])
  expect(errorMessages(await runWebpack(nodeBuild(PARITY_APP, fromWebpack, { host: './host.mjs' }, { plugins: plugins() })))).toEqual([])
  const rspackRows = instances(readManifest(fromRspack))
  expect(rspackRows.length).toBeGreaterThan(10)
  expect(rspackRows).toEqual(instances(readManifest(fromWebpack)))
})
