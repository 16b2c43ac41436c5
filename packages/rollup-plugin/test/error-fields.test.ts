import { join } from 'node:path'
import { ModspaceError } from '@modspace/core'
import { inSpace } from '@modspace/rollup-plugin'
import { afterEach, expect, it } from 'vitest'
import { APP_CONFIG, writeApp, writeFiles } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

async function failure(build: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return build.then(
    () => expect.fail('the build succeeded'),
    (error: unknown) => error as Error & Record<string, unknown>,
  )
}

it("a space's missing entry names the config line that points nowhere, not the plugin's tagged id", async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const config = JSON.parse(APP_CONFIG)
  config.spaces['plugin-a'].entries = { main: './plugins/a/main.mjs', extra: './plugins/a/nope.js' }
  writeFiles(app.dir, { 'modspace.config.json': JSON.stringify(config) })
  const error = await failure(buildWithPlugin([], { config: app.dir }, { dir: join(app.dir, 'dist') }))
  expect(error.message).not.toContain('?modspace=')
  expect(error).toMatchObject({ code: 'MODSPACE_ENTRY_MISSING', configPath: 'spaces.plugin-a.entries.extra', space: 'plugin-a', plugin: 'modspace' })
  expect(error.message).toContain(`[MODSPACE_ENTRY_MISSING] spaces.plugin-a.entries.extra: the entry ${join(app.dir, 'plugins/a/nope.js')} does not exist.`)
})

it("carries the ModspaceError's fields on the error, and names modspace even when commonjs asked", async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, { 'plugins/a/bad.cjs': `require('not-installed')\n`, 'plugins/a/bad.mjs': `import 'not-installed'\n` })
  for (const file of ['plugins/a/bad.cjs', 'plugins/a/bad.mjs']) {
    const importer = join(app.dir, file)
    const error = await failure(buildWithPlugin({ bad: inSpace(importer, 'plugin-a') }, { config: app.dir, entries: false }, { dir: join(app.dir, 'dist') }))
    expect(error).toMatchObject({ code: 'MODSPACE_NOT_FOUND', pluginCode: 'MODSPACE_NOT_FOUND', plugin: 'modspace', space: 'plugin-a', specifier: 'not-installed', importer })
    expect(error.fix).toContain('install "not-installed"')
    expect(error.cause).toBeInstanceOf(ModspaceError)
    expect(error.message).toMatch(/^\[plugin modspace\] \[MODSPACE_NOT_FOUND\] cannot find "not-installed" in space "plugin-a"/)
  }
})
