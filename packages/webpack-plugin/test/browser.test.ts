import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { readManifest } from './app-fixture.js'
import { errorMessages, nodeBuild, runWebpack } from './run-webpack.js'

const APP = fileURLToPath(new URL('fixtures/browser-app', import.meta.url))
const temp = makeTempDir('modspace-webpack-browser-')
afterAll(() => temp.cleanup())

it('builds for the browser with the browser export condition, each space its own copy', async () => {
  const outDir = temp.dir
  const stats = await runWebpack(
    nodeBuild(APP, outDir, { page: './page.js' }, {
      mode: 'production',
      target: 'web',
      // One global per entry, read back from a browser-like context below.
      output: { path: outDir, filename: '[name].js', library: { type: 'global', name: 'built_[name]' } },
      optimization: { runtimeChunk: false },
      plugins: [new ModspacePlugin({ config: './modspace.config.json' })],
    }),
  )
  expect(errorMessages(stats)).toEqual([])
  expect(readManifest(outDir).modules.map((m) => `${m.space} ${m.id}`)).toEqual([
    'root node_modules/either/browser.js',
    'root page.js',
    'widgets widgets/index.js',
    'widgets widgets/node_modules/either/browser.js',
  ])
  const window: Record<string, any> = {}
  window.self = window
  for (const file of ['page.js', 'widgets/main.js']) runInNewContext(readFileSync(join(outDir, file), 'utf8'), window)
  expect(window['built_page'].page).toBe('browser 1.0.0')
  expect(window['built_widgets/main'].widgets).toBe('browser 2.0.0')
})
