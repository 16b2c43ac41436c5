import { join } from 'node:path'
import DefaultExport, { DEFAULT_MANIFEST, ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { APP, APP_CONFIG, readManifest } from './app-fixture.js'
import { nodeBuild, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-options-')
afterAll(() => temp.cleanup())

describe('options', () => {
  it('exports the plugin by name and as the default', () => {
    expect(DefaultExport).toBe(ModspacePlugin)
  })

  it('fills in the defaults', () => {
    expect(new ModspacePlugin().options).toEqual({ config: undefined, manifest: DEFAULT_MANIFEST, target: undefined })
  })

  // [description, options, code, words the message must hold]
  const refused: Array<[string, unknown, string, string]> = [
    ['not an object', 'modspace.config.ts', 'MODSPACE_CONFIG_INVALID', 'the options must be an object'],
    ['an unknown option', { config: '.', manifests: false }, 'MODSPACE_UNKNOWN_OPTION', 'options.manifests'],
    ['a config of the wrong type', { config: 42 }, 'MODSPACE_CONFIG_INVALID', 'options.config'],
    ['an empty config path', { config: '' }, 'MODSPACE_CONFIG_INVALID', 'config is an empty string'],
    ['manifest true', { manifest: true }, 'MODSPACE_CONFIG_INVALID', 'manifest must be a file name or false'],
    ['an unknown target', { target: 'deno' }, 'MODSPACE_CONFIG_INVALID', 'target must be "node" or "browser", not "deno"'],
  ]
  it.each(refused)('refuses %s when constructed', (_what, options, code, words) => {
    const attempt = () => new ModspacePlugin(options as never)
    expect(attempt).toThrow(code)
    expect(attempt).toThrow(words)
  })
})

describe('the config option', () => {
  const entry = { main: { import: './plugins/beta/index.js', layer: 'beta' } }
  const spacesOf = (outDir: string) => [...new Set(readManifest(outDir).modules.map((m) => m.space))].sort()

  it('takes a folder holding modspace.config.*, relative to the context', async () => {
    const outDir = join(temp.dir, 'folder')
    await runWebpack(nodeBuild(APP, outDir, entry, { plugins: [new ModspacePlugin({ config: '.' })] }))
    expect(spacesOf(outDir)).toEqual(['alpha', 'alpha-child', 'alpha-twin', 'beta', 'root'])
  })

  it('takes the config object itself, its paths relative to the context, and a manifest name', async () => {
    const outDir = join(temp.dir, 'object')
    const config = { spaces: { beta: { root: './plugins/beta' } }, native: { packages: ['fake-native'] } }
    await runWebpack(nodeBuild(APP, outDir, entry, { plugins: [new ModspacePlugin({ config, manifest: 'spaces.json' })] }))
    expect(readManifest(outDir, 'spaces.json').modules.map((m) => `${m.space} ${m.kind} ${m.id}`)).toEqual([
      'beta file plugins/beta/index.js',
      'beta file plugins/beta/node_modules/shared-lib/index.js',
      'root native node_modules/fake-native/index.js',
    ])
  })

  it('fails the build with the core error when the config cannot be found', async () => {
    const build = runWebpack(nodeBuild(APP, join(temp.dir, 'missing'), entry, { plugins: [new ModspacePlugin({ config: './nope.config.ts' })] }))
    await expect(build).rejects.toThrow('MODSPACE_CONFIG_NOT_FOUND')
  })

  it('follows the manifest option false', async () => {
    const outDir = join(temp.dir, 'no-manifest')
    const stats = await runWebpack(nodeBuild(APP, outDir, entry, { plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })] }))
    expect(Object.keys(stats.compilation.assets).filter((a) => a.endsWith('.json'))).toEqual([])
  })
})
