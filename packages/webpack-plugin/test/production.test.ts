import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { APP, APP_CONFIG, expectAppInstances, readManifest } from './app-fixture.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-production-')
afterAll(() => temp.cleanup())

it('keeps every instance relation in production mode, with split chunks and source maps', async () => {
  const outDir = join(temp.dir, 'prod')
  const plugins = [new ModspacePlugin({ config: APP_CONFIG })]
  const stats = await runWebpack(
    nodeBuild(APP, outDir, { host: './host.js' }, {
      mode: 'production',
      devtool: 'source-map',
      plugins,
      // Every module shared by two entries moves to a chunk of its own: the split must not merge spaces.
      optimization: { runtimeChunk: 'single', splitChunks: { chunks: 'all', minSize: 0, minChunks: 2 } },
    }),
  )
  expect(errorMessages(stats)).toEqual([])
  expect(readdirSync(join(outDir, 'chunks')).filter((f) => f.endsWith('.js')).length).toBeGreaterThan(1)
  await expectAppInstances(outDir)

  // Source maps name the real files; the file two spaces own is in both spaces' maps (webpack tells the second
  // apart with a `?hash` suffix).
  const names = (map: { sources: string[] }) => map.sources.some((s) => /\/plugins\/alpha\/index\.js(\?\w+)?$/.test(s))
  const alphaMap = JSON.parse(readFileSync(join(outDir, 'alpha/main.js.map'), 'utf8')) as { sources: string[] }
  const twinMap = JSON.parse(readFileSync(join(outDir, 'alpha-twin/main.js.map'), 'utf8')) as { sources: string[] }
  expect(names(alphaMap)).toBe(true)
  expect(names(twinMap)).toBe(true)

  // Concatenation and tree shaking do not change the manifest: it is taken before optimisation.
  const rows = readManifest(outDir).modules.map((m) => `${m.space} ${m.id}`)
  expect(rows).toContain('alpha plugins/alpha/index.js')
  expect(rows).toContain('alpha-twin plugins/alpha/index.js')
})
