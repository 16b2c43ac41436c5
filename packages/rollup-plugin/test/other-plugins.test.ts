import { rmSync } from 'node:fs'
import { join } from 'node:path'
import modspace, { inSpace } from '@modspace/rollup-plugin'
import { nodeResolve } from '@rollup/plugin-node-resolve'
import { rollup, type Plugin } from 'rollup'
import { afterEach, expect, it } from 'vitest'
import { writeApp, writeFiles } from './app-fixture.js'
import { commonjs } from './build-with-plugin.js'

let cleanup = () => {}
afterEach(() => cleanup())

/** What TypeScript's plugins do: `./x.js` in a source names `x.ts` beside it. */
const tsSources: Plugin = {
  name: 'ts-sources',
  async resolveId(source, importer) {
    if (!importer || !source.startsWith('.') || !source.endsWith('.js')) return null
    return join(importer.split('?')[0]!, '..', source.replace(/\.js$/, '.ts'))
  },
}

async function manifestOf(input: Record<string, string>, plugins: Plugin[]) {
  const bundle = await rollup({ input, plugins, onLog: () => {} })
  const { output } = await bundle.generate({ format: 'es' })
  await bundle.close()
  const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
  return JSON.parse(asset?.type === 'asset' ? String(asset.source) : '{"modules":[]}').modules as Array<{ space: string; id: string }>
}

it("a relative import that another plugin maps to a file stays in the importer's space; node-resolve's guesses do not", async () => {
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, { 'plugins/a/entry.mjs': `export { util } from './util.js'\n`, 'plugins/a/util.ts': `export const util = 'ts'\n` })
  const input = { entry: inSpace(join(app.dir, 'plugins/a/entry.mjs'), 'plugin-a') }
  const modules = await manifestOf(input, [commonjs(), modspace({ config: app.dir, entries: false }), tsSources, nodeResolve()])
  expect(modules).toContainEqual({ space: 'plugin-a', id: 'plugins/a/util.ts', kind: 'file' })

  // node-resolve would complete `./util` to util.mjs, which Node's ESM loader does not: the core's error stands.
  writeFiles(app.dir, { 'plugins/a/entry.mjs': `export { util } from './util'\n`, 'plugins/a/util.mjs': `export const util = 'mjs'\n` })
  await expect(manifestOf(input, [commonjs(), modspace({ config: app.dir, entries: false }), nodeResolve()])).rejects.toThrow('MODSPACE_NOT_FOUND')
})

it('under rolldown, which names no resolver, a source plugin\'s file is taken and a guess Node would not make is not', async () => {
  const { rolldown } = await import('rolldown')
  const app = writeApp()
  cleanup = app.cleanup
  writeFiles(app.dir, { 'plugins/a/entry.mjs': `export { util } from './util.js'\n`, 'plugins/a/util.ts': `export const util = 'ts'\n` })
  const input = { entry: inSpace(join(app.dir, 'plugins/a/entry.mjs'), 'plugin-a') }
  const build = async () => {
    const bundle = await rolldown({ input, platform: 'node', plugins: [modspace({ config: app.dir, entries: false }), tsSources] as never, logLevel: 'silent' })
    const { output } = await bundle.generate({ format: 'es' })
    await bundle.close()
    const asset = output.find((o) => o.fileName === 'modspace-manifest.json')
    return JSON.parse(asset?.type === 'asset' ? String(asset.source) : '{"modules":[]}').modules as Array<{ space: string; id: string }>
  }
  expect(await build()).toContainEqual({ space: 'plugin-a', id: 'plugins/a/util.ts', kind: 'file' })

  // rolldown's own resolver would complete `./util` to util.mjs, which Node's ESM loader does not: the core's error stands.
  // (It completes `.ts` too, and a `.ts` file is taken, as a TypeScript source: util.ts goes first.)
  rmSync(join(app.dir, 'plugins/a/util.ts'))
  writeFiles(app.dir, { 'plugins/a/entry.mjs': `export { util } from './util'\n`, 'plugins/a/util.mjs': `export const util = 'mjs'\n` })
  await expect(build()).rejects.toThrow('MODSPACE_NOT_FOUND')
})
