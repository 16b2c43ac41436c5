import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import type { Configuration, Stats } from '@rspack/core'
import { afterAll, describe, expect, it } from 'vitest'
import { APP, APP_CONFIG, expectAppInstances } from './app-fixture.js'
import { runRspack } from './run-rspack.js'
import { nodeBuild } from './run-webpack.js'

const temp = makeTempDir('modspace-rspack-app-')
afterAll(() => temp.cleanup())

function rspackErrors(stats: Stats): string[] {
  return stats.compilation.errors.map((e) => e.message)
}

describe('a development build of the app under rspack', async () => {
  const outDir = join(temp.dir, 'dev')
  const stats = await runRspack(nodeBuild(APP, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG })] }) as Configuration)
  const modules = stats.toJson({ modules: true }).modules ?? []
  const layersOf = (file: string) => modules.filter((m) => m.nameForCondition === join(APP, file)).map((m) => m.layer ?? null).sort()

  it('builds without errors or warnings', () => {
    expect(rspackErrors(stats)).toEqual([])
    expect(stats.compilation.warnings.map((w) => w.message)).toEqual([])
  })

  it("puts each module in the layer of the space that owns it, and root-owned modules in root's layer ''", () => {
    expect(layersOf('plugins/alpha/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('plugins/alpha/node_modules/own-lib/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('node_modules/shared-lib/index.js')).toEqual([''])
    expect(layersOf('plugins/beta/node_modules/shared-lib/index.js')).toEqual(['beta'])
    expect(layersOf('stubs/os.js')).toEqual(['alpha'])
  })

  it('runs with the instances the config implies, the pinned native package loaded from disk once', async () => {
    await expectAppInstances(outDir)
  })
})
