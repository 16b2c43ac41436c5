import { join } from 'node:path'
import modspace from '@modspace/rollup-plugin'
import { rolldown, type Plugin } from 'rolldown'
import { build, type PluginOption } from 'vite'
import { afterEach, expect, it } from 'vitest'
import { writeApp, writeFiles } from './app-fixture.js'
import { readManifest } from './build-with-vite.js'

let cleanup = () => {}
afterEach(() => cleanup())

/** The plugin with its `resolveId` handler recording each specifier it is asked, as `importer file → specifier`. */
function recordingPlugin(dir: string, asked: string[]): Plugin {
  const plugin = modspace({ config: dir }) as unknown as Plugin & { resolveId: { handler: (...args: unknown[]) => unknown } }
  const hook = plugin.resolveId
  const handler = hook.handler
  hook.handler = function (this: unknown, ...args: unknown[]) {
    const [source, importer] = args as [string, string | undefined]
    if (importer) asked.push(`${importer.slice(dir.length + 1)} → ${source}`)
    return handler.apply(this, args)
  }
  return plugin
}

it('rolldown resolves a root module\'s ./file.js itself (a hook filter), still asks for every import of a space\'s module, and the manifest lists both', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, {
    'main.mjs': `export * as dep from 'dep'\nexport { util } from './util.mjs'\n`,
    'util.mjs': `export const util = 'root util'\n`,
    'plugins/b/main.mjs': `export * as dep from 'dep'\nexport { util } from './util.mjs'\n`,
    'plugins/b/util.mjs': `export const util = 'b util'\n`,
  })
  const asked: string[] = []
  const bundle = await rolldown({ input: { main: join(app.dir, 'main.mjs') }, platform: 'node', plugins: [recordingPlugin(app.dir, asked)], logLevel: 'silent' })
  const out = join(app.dir, 'dist')
  await bundle.write({ dir: out, format: 'es' })
  await bundle.close()

  expect(asked).not.toContain('main.mjs → ./util.mjs')
  expect(asked).toContain('main.mjs → dep')
  expect(asked).toContain('plugins/b/main.mjs?modspace=plugin-b&lang.mjs → ./util.mjs')
  const modules = readManifest(out).modules.map((m) => `${m.space} ${m.id}`)
  expect(modules).toContain('root util.mjs')
  expect(modules).toContain('plugin-b plugins/b/util.mjs')
  const main = await import(join(out, 'main.js'))
  expect(main.util).toBe('root util')
})

it('vite build hands the same filter on to its copy of the hook: a root module\'s ./file.js is not asked there either', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, { 'main.mjs': `export * as dep from 'dep'\nexport { util } from './util.mjs'\n`, 'util.mjs': `export const util = 'root util'\n` })
  const asked: string[] = []
  await build({
    root: app.dir,
    configFile: false,
    logLevel: 'silent',
    plugins: [recordingPlugin(app.dir, asked) as unknown as PluginOption],
    build: { ssr: true, write: false, rolldownOptions: { input: { main: join(app.dir, 'main.mjs') } } },
  })
  expect(asked).toContain('main.mjs → dep')
  expect(asked).not.toContain('main.mjs → ./util.mjs')
})

it('a ./sub/ path is still asked: one into a nested native package stays external, as the core decides', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, {
    'main.mjs': `export { loaded } from './addon/index.js'\n`,
    'addon/package.json': JSON.stringify({ name: 'nested-addon', version: '1.0.0', type: 'module' }),
    'addon/binding.gyp': '{ "targets": [] }\n',
    'addon/index.js': `export const loaded = true\n`,
  })
  const asked: string[] = []
  const warnings: string[] = []
  const bundle = await rolldown({
    input: { main: join(app.dir, 'main.mjs') },
    platform: 'node',
    plugins: [recordingPlugin(app.dir, asked)],
    onLog: (_level, log) => void warnings.push(log.message),
  })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  expect(asked).toContain('main.mjs → ./addon/index.js')
  expect(output[0].imports).toEqual([expect.stringMatching(/addon\/index\.js$/)])
  expect(warnings).toEqual([])
})

it('a build never calls the dev server\'s CommonJS transform: its filter matches no id outside the dev server', async () => {
  const app = writeApp()
  cleanup = app.cleanup
  const plugin = modspace({ config: app.dir }) as unknown as Plugin & { transform: { handler: (...args: unknown[]) => unknown } }
  const transformed: string[] = []
  const handler = plugin.transform.handler
  plugin.transform.handler = function (this: unknown, ...args: unknown[]) {
    transformed.push(String(args[1]))
    return handler.apply(this, args)
  }
  // plugin-a's legacy.cjs requires `dep` and `dual`: CommonJS that rolldown reads itself.
  const bundle = await rolldown({ input: { main: join(app.dir, 'main.mjs') }, platform: 'node', plugins: [plugin], logLevel: 'silent' })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const bundled = output.flatMap((o) => (o.type === 'chunk' ? Object.keys(o.modules) : []))
  expect(bundled.some((id) => id.includes('legacy.cjs'))).toBe(true)
  expect(transformed).toEqual([])
})
