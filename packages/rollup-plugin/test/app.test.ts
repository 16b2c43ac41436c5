import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { EXPECTED_FACTS, runApp, writeApp } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

describe('the app through the built plugin', () => {
  it('gives one instance per space, once for a common ancestor, keeps dynamic imports and requires in their space', async () => {
    const app = writeApp()
    cleanup = app.cleanup
    await buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir }, { dir: join(app.dir, 'dist') })
    expect(runApp(join(app.dir, 'dist'))).toEqual(EXPECTED_FACTS)
  })

  it('writes a manifest of every module in the output with its space and package version', async () => {
    const app = writeApp()
    cleanup = app.cleanup
    await buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir }, { dir: join(app.dir, 'dist') })
    const manifest = JSON.parse(readFileSync(join(app.dir, 'dist/modspace-manifest.json'), 'utf8'))
    expect(manifest).toEqual({
      manifestVersion: 1,
      bundler: 'rollup',
      modules: [
        { space: 'plugin-a', id: 'plugins/a/lazy.mjs', kind: 'file', package: { name: 'plugin-a', version: '1.0.0' } },
        { space: 'plugin-a', id: 'plugins/a/legacy.cjs', kind: 'file', package: { name: 'plugin-a', version: '1.0.0' } },
        { space: 'plugin-a', id: 'plugins/a/main.mjs', kind: 'file', package: { name: 'plugin-a', version: '1.0.0' } },
        { space: 'plugin-a', id: 'plugins/a/node_modules/dep/index.js', kind: 'file', package: { name: 'dep', version: '2.0.0' } },
        { space: 'plugin-b', id: 'plugins/b/main.mjs', kind: 'file', package: { name: 'plugin-b', version: '1.0.0' } },
        { space: 'plugin-b', id: 'plugins/b/node_modules/dep/index.js', kind: 'file', package: { name: 'dep', version: '2.0.0' } },
        { space: 'root', id: 'main.mjs', kind: 'file', package: { name: 'app', version: '1.0.0' } },
        { space: 'root', id: 'node_modules/dep/index.js', kind: 'file', package: { name: 'dep', version: '1.0.0' } },
        { space: 'root', id: 'node_modules/dual/cjs.cjs', kind: 'file', package: { name: 'dual', version: '1.0.0' } },
        { space: 'root', id: 'node_modules/gyp-addon/index.js', kind: 'native', package: { name: 'gyp-addon', version: '1.0.0' } },
        { space: 'root', id: 'node_modules/shared/index.js', kind: 'file', package: { name: 'shared', version: '1.0.0' } },
      ],
    })
  })

  it("an input of the user's own for a space entry keeps the user's name; it belongs to the space that holds it", async () => {
    const app = writeApp()
    cleanup = app.cleanup
    const { output } = await buildWithPlugin({ main: join(app.dir, 'main.mjs'), mine: join(app.dir, 'plugins/a/main.mjs') }, { config: app.dir }, { dir: join(app.dir, 'dist') })
    const entries = output.filter((o) => o.type === 'chunk' && o.isEntry).map((o) => o.fileName).sort()
    expect(entries).toEqual(['main.js', 'mine.js', 'plugin-b/main.js'])
    const mine = output.find((o) => o.fileName === 'mine.js')
    expect(mine?.type === 'chunk' && mine.facadeModuleId).toBe(`${join(app.dir, 'plugins/a/main.mjs')}?modspace=plugin-a&lang.mjs`)
  })
})
