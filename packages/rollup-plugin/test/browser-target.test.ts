import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { writeApp } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

it('a native addon in a browser build is an error naming the package and the chain that reached it', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const build = buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir, target: 'browser' }, { dir: join(app.dir, 'dist') })
  await expect(build).rejects.toThrow(/gyp-addon@1\.0\.0 is a native addon[\s\S]*plugins\/b\/main\.mjs \(space plugin-b\)\n\s+gyp-addon → gyp-addon@1\.0\.0/)
})

it('the target follows an iife output when none is given', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const { rollup } = await import('rollup')
  const { default: modspace } = await import('@modspace/rollup-plugin')
  const options = { input: { b: join(app.dir, 'plugins/b/main.mjs') }, output: { format: 'iife' as const, name: 'b' }, plugins: [modspace({ config: app.dir, entries: false })], onLog: () => {} }
  await expect(rollup(options)).rejects.toThrow(/gyp-addon@1\.0\.0 is a native addon/)
})
