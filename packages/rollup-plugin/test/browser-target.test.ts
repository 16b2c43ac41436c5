import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { writeApp, writeFiles } from './app-fixture.js'
import { buildWithPlugin } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

it('a native addon in a browser build is an error naming the package and the chain that reached it', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const build = buildWithPlugin({ main: join(app.dir, 'main.mjs') }, { config: app.dir, target: 'browser' }, { dir: join(app.dir, 'dist') })
  const error = await build.then(() => undefined, (e: unknown) => e as Error & { pluginCode?: string })
  expect(error?.pluginCode).toBe('MODSPACE_NATIVE_IN_BROWSER')
  expect(error?.message).toContain('[MODSPACE_NATIVE_IN_BROWSER] spaces.plugin-b.overrides: gyp-addon@1.0.0 is a native addon (pinned to space "root") and cannot be bundled for a browser target')
  expect(error?.message).toMatch(/Reached through:\n {4}\S*plugins\/b\/main\.mjs \(space plugin-b\)\n {6}gyp-addon → gyp-addon@1\.0\.0\n {2}space: plugin-b\n/)
  expect(error?.message).toContain('fix: override "gyp-addon" with a browser stand-in (or false) in spaces.plugin-b.overrides')
})

it('the target follows an iife output when none is given', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const { rollup } = await import('rollup')
  const { default: modspace } = await import('@modspace/rollup-plugin')
  const options = { input: { b: join(app.dir, 'plugins/b/main.mjs') }, output: { format: 'iife' as const, name: 'b' }, plugins: [modspace({ config: app.dir, entries: false })], onLog: () => {} }
  await expect(rollup(options)).rejects.toThrow(/gyp-addon@1\.0\.0 is a native addon/)
})

it("for a browser target node-resolve's `browser` field picks the file inside the package the core chose", async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, {
    'plugins/a/node_modules/uni/package.json': JSON.stringify({ name: 'uni', version: '1.0.0', main: 'index.js', browser: 'browser.js' }),
    'plugins/a/node_modules/uni/index.js': `export const build = 'node'\n`,
    'plugins/a/node_modules/uni/browser.js': `export const build = 'browser'\n`,
    'plugins/a/web.mjs': `export { build } from 'uni'\n`,
  })
  const { rollup } = await import('rollup')
  const { nodeResolve } = await import('@rollup/plugin-node-resolve')
  const { default: modspace, inSpace } = await import('@modspace/rollup-plugin')
  const build = async (browser: boolean) => {
    const bundle = await rollup({
      input: { web: inSpace(join(app.dir, 'plugins/a/web.mjs'), 'plugin-a') },
      plugins: [modspace({ config: app.dir, entries: false, target: 'browser' }), nodeResolve({ browser })],
      onLog: () => {},
    })
    const { output } = await bundle.generate({ format: 'es' })
    const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
    const manifest = JSON.parse(asset?.type === 'asset' ? String(asset.source) : '{"modules":[]}')
    return { code: output[0].code, uni: manifest.modules.find((m: { package?: { name: string } }) => m.package?.name === 'uni') }
  }
  const web = await build(true)
  expect(web.code).toContain(`'browser'`)
  expect(web.uni).toMatchObject({ space: 'plugin-a', id: 'plugins/a/node_modules/uni/browser.js' })
  const plain = await build(false)
  expect(plain.code).toContain(`'node'`)
  expect(plain.uni).toMatchObject({ space: 'plugin-a', id: 'plugins/a/node_modules/uni/index.js' })
})
