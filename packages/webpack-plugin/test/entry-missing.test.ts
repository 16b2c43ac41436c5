import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { APP } from './app-fixture.js'
import { nodeBuild, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-entry-')
afterAll(() => temp.cleanup())

it("a space's missing entry names the config line that points nowhere, with the code the Rollup plugin gives", async () => {
  const config = { spaces: { alpha: { root: './plugins/alpha', entries: { main: './plugins/alpha/index.js', extra: './plugins/alpha/nope.js' } } } }
  const stats = await runWebpack(nodeBuild(APP, temp.dir, {}, { plugins: [new ModspacePlugin({ config })] }))
  const errors = stats.compilation.errors as unknown as Array<Error & Record<string, unknown>>
  expect(errors).toHaveLength(1)
  expect(errors[0]).toMatchObject({ code: 'MODSPACE_ENTRY_MISSING', configPath: 'spaces.alpha.entries.extra', space: 'alpha' })
  expect(errors[0]!.message).toContain(`[MODSPACE_ENTRY_MISSING] spaces.alpha.entries.extra: the entry ${join(APP, 'plugins/alpha/nope.js')} does not exist.`)
  // The other entry is built as usual.
  expect(stats.compilation.entrypoints.has('alpha/main')).toBe(true)
})
