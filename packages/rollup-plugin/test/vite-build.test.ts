import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { EXPECTED_FACTS, runApp, writeApp, writeFiles } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'
import { buildWithVite, readManifest } from './build-with-vite.js'

let cleanup = () => {}
afterEach(() => cleanup())

const rows = (outDir: string) => readManifest(outDir).modules.map((m) => `${m.space} ${m.kind} ${m.id}`)

it('vite build --ssr gives the instances Rollup gives, and the same manifest', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const ssr = join(app.dir, 'dist-ssr')
  await buildWithVite(app.dir, { main: join(app.dir, 'main.mjs') }, { config: app.dir }, ssr, true)
  expect(runApp(ssr)).toEqual(EXPECTED_FACTS)
  await buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir }, { dir: join(app.dir, 'dist-rollup') })
  expect(readManifest(ssr).bundler).toBe('vite')
  expect(rows(ssr)).toEqual(rows(join(app.dir, 'dist-rollup')))
})

it('vite build for the client targets the browser: the same instances, and a native addon is refused', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const input = { main: join(app.dir, 'main.mjs') }
  const refused = await buildWithVite(app.dir, input, { config: app.dir }, join(app.dir, 'refused'), false).then(
    () => undefined,
    (error: unknown) => error as Error,
  )
  expect(refused?.message).toContain('[MODSPACE_NATIVE_IN_BROWSER] spaces.plugin-b.overrides: gyp-addon@1.0.0 is a native addon')

  // Without plugin-b's native import, the client build runs (in Node: it touches no browser API) with the instances a Node build has.
  writeFiles(app.dir, { 'plugins/b/main.mjs': `export * as dep from 'dep'\nexport * as shared from 'shared'\n` })
  const client = join(app.dir, 'dist')
  await buildWithVite(app.dir, input, { config: app.dir }, client, false)
  const { addonLoads: _none, ...facts } = EXPECTED_FACTS
  expect(runApp(client)).toEqual(facts)
  expect(rows(client)).toContain('plugin-b file plugins/b/node_modules/dep/index.js')
})
