import { join } from 'node:path'
import { inSpace } from '@modspace/rollup-plugin'
import { afterEach, expect, it } from 'vitest'
import { APP_CONFIG, writeApp, writeFiles } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

it('a blocked import fails the build, naming the space, the importer and the override', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const config = JSON.parse(APP_CONFIG)
  config.spaces['plugin-a'].overrides = { 'node:child_process': false }
  writeFiles(app.dir, {
    'modspace.config.json': JSON.stringify(config),
    'plugins/a/blocked.mjs': `export { spawn } from 'node:child_process'\n`,
  })
  const importer = join(app.dir, 'plugins/a/blocked.mjs')
  const build = buildWithPlugin({ blocked: inSpace(importer, 'plugin-a') }, { config: app.dir, entries: false }, { dir: join(app.dir, 'dist') })
  const error = await build.then(() => undefined, (e: unknown) => e as Error & { pluginCode?: string })
  expect(error?.pluginCode).toBe('MODSPACE_BLOCKED')
  expect(error?.message).toContain('[MODSPACE_BLOCKED] spaces.plugin-a.overrides: "node:child_process" is blocked in space "plugin-a" (an override in "plugin-a" is false).')
  expect(error?.message).toContain(`importer: ${importer}`)
  expect(error?.message).toContain(`fix: remove the import from ${importer}, or override "node:child_process" with a stand-in file in spaces.plugin-a.overrides`)
})
