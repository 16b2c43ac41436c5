import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir, tokenOf } from '@modspace/test-utils'
import { afterAll, describe, expect, it } from 'vitest'
import { APP, APP_CONFIG, expectAppInstances, readManifest } from './app-fixture.js'
import { errorMessages, loadEntry, nodeBuild, runWebpack } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-spaces-')
afterAll(() => temp.cleanup())

describe('a development build of the app', async () => {
  const outDir = join(temp.dir, 'dev')
  const stats = await runWebpack(nodeBuild(APP, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG })] }))
  const modules = stats.toJson({ modules: true }).modules ?? []
  const layersOf = (file: string) => modules.filter((m) => m.nameForCondition === join(APP, file)).map((m) => m.layer ?? null).sort()

  it('builds without errors or warnings', () => {
    expect(errorMessages(stats)).toEqual([])
    expect(stats.compilation.warnings.map((w) => w.message)).toEqual([])
  })

  it("names each space's entries <space>/<entry>", () => {
    for (const name of ['alpha/main', 'alpha-twin/main', 'alpha-child/main', 'beta/main']) {
      expect(existsSync(join(outDir, `${name}.js`)), name).toBe(true)
    }
  })

  it('puts each module in the layer of the space that owns it, and root-owned modules in none', () => {
    expect(layersOf('plugins/alpha/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('plugins/alpha/node_modules/own-lib/index.js')).toEqual(['alpha', 'alpha-twin'])
    expect(layersOf('node_modules/shared-lib/index.js')).toEqual([null])
    expect(layersOf('plugins/beta/node_modules/shared-lib/index.js')).toEqual(['beta'])
    expect(layersOf('stubs/os.js')).toEqual(['alpha'])
  })

  it('loads the pinned native package from disk, as an external', () => {
    expect(layersOf('node_modules/fake-native/index.js')).toEqual([])
    const runtime = readFileSync(join(outDir, 'beta/main.js'), 'utf8')
    expect(runtime).toContain(`require(${JSON.stringify(join(APP, 'node_modules/fake-native/index.js'))})`)
  })

  it('runs with the instances the config implies', async () => {
    await expectAppInstances(outDir)
  })

  it('emits a manifest of every instance, paths relative to the config', () => {
    const manifest = readManifest(outDir)
    expect(manifest.bundler).toBe('webpack')
    const rows = manifest.modules.map((m) => `${m.space} ${m.kind} ${m.id}`)
    expect(rows).toEqual(
      expect.arrayContaining([
        'alpha file plugins/alpha/node_modules/own-lib/index.js',
        'alpha-twin file plugins/alpha/node_modules/own-lib/index.js',
        'alpha override stubs/os.js',
        'root file node_modules/shared-lib/index.js',
        'beta file plugins/beta/node_modules/shared-lib/index.js',
        'root native node_modules/fake-native/index.js',
        'alpha-twin file plugins/alpha/lazy.js',
        'root builtin node:os',
      ]),
    )
    expect(rows.filter((r) => r.endsWith('node_modules/shared-lib/index.js'))).toHaveLength(2)
    expect(new Set(rows).size).toBe(rows.length)
  })
})

describe("a build whose only entries are the spaces'", () => {
  it("builds them, a context module included, in the space's layer", async () => {
    const outDir = join(temp.dir, 'only-space-entries')
    const config = { spaces: { beta: { root: './plugins/beta', entries: { locales: './plugins/beta/load-locale.js' } } } }
    const stats = await runWebpack(nodeBuild(APP, outDir, {}, { plugins: [new ModspacePlugin({ config })] }))
    expect(errorMessages(stats)).toEqual([])
    expect(loadEntry(outDir, 'beta/locales').load('fr').lang).toBe('fr')
    const locales = (stats.toJson({ modules: true }).modules ?? []).filter((m) => m.nameForCondition?.includes('/locale/'))
    expect(locales.map((m) => m.layer)).toEqual(['beta', 'beta'])
  })
})

describe("the user's resolve.alias", () => {
  it('is resolved by webpack, and the file it names is owned as the core decides', async () => {
    const outDir = join(temp.dir, 'alias')
    const entry = { aliased: { import: './plugins/alpha/uses-alias.js', layer: 'alpha' } }
    const stats = await runWebpack(
      nodeBuild(APP, outDir, entry, {
        resolve: { alias: { '@alpha-lib': join(APP, 'plugins/alpha/node_modules/own-lib/index.js') } },
        plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })],
      }),
    )
    expect(errorMessages(stats)).toEqual([])
    const aliased = loadEntry(outDir, 'aliased')
    expect(tokenOf(aliased.viaAlias)).toBeDefined()
    expect(tokenOf(aliased.viaAlias)).toBe(tokenOf(aliased.direct))
  })
})

describe("the build's resolve.extensions", () => {
  it("complete a path Node's rules do not, and the file is owned as the core decides", async () => {
    const outDir = join(temp.dir, 'extensions')
    const entry = { typed: { import: './plugins/beta/uses-typed.js', layer: 'beta' } }
    const stats = await runWebpack(
      nodeBuild(APP, outDir, entry, { resolve: { extensions: ['.ts', '...'] }, plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })] }),
    )
    expect(errorMessages(stats)).toEqual([])
    expect(tokenOf(loadEntry(outDir, 'typed').typed)).toBeDefined()
    const typed = (stats.toJson({ modules: true }).modules ?? []).filter((m) => m.nameForCondition === join(APP, 'plugins/beta/typed.ts'))
    expect(typed.map((m) => m.layer)).toEqual(['beta'])
  })

  it('leave the core\'s error when webpack finds nothing either', async () => {
    const entry = { typed: { import: './plugins/beta/uses-typed.js', layer: 'beta' } }
    // Explicitly without .ts: recent webpack releases add it to the default extensions.
    const stats = await runWebpack(
      nodeBuild(APP, join(temp.dir, 'no-extensions'), entry, { resolve: { extensions: ['.js'] }, plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })] }),
    )
    expect(errorMessages(stats).join('\n')).toContain('[MODSPACE_NOT_FOUND] cannot find "./typed" in space "beta"')
  })
})

describe('refusals', () => {
  it('fails the build on a blocked import, naming the space and the importer', async () => {
    const entry = { blocked: { import: './plugins/beta/blocked.js', layer: 'beta' } }
    const stats = await runWebpack(nodeBuild(APP, join(temp.dir, 'blocked'), entry, { plugins: [new ModspacePlugin({ config: APP_CONFIG, manifest: false })] }))
    const errors = errorMessages(stats).join('\n')
    expect(errors).toContain('[MODSPACE_BLOCKED] spaces.beta.overrides: "child_process" is blocked in space "beta" (an override in "beta" is false).')
    expect(errors).toContain(`importer: ${join(APP, 'plugins/beta/blocked.js')}`)
    expect(errors).toContain(`fix: remove the import from ${join(APP, 'plugins/beta/blocked.js')}, or override "child_process" with a stand-in file in spaces.beta.overrides`)
  })

  it('fails a browser build that reaches a native addon, naming the package and the chain that reached it', async () => {
    const stats = await runWebpack({
      ...nodeBuild(APP, join(temp.dir, 'browser'), {
        beta: { import: './plugins/beta/index.js', layer: 'beta' },
        chain: { import: './plugins/beta/native-chain/entry.js', layer: 'beta' },
      }),
      target: 'web',
      output: { path: join(temp.dir, 'browser') },
      plugins: [new ModspacePlugin({ config: APP_CONFIG })],
    })
    const errors = errorMessages(stats).join('\n')
    expect(errors).toContain('[MODSPACE_NATIVE_IN_BROWSER] spaces.beta.overrides: fake-native@1.0.0 is a native addon (pinned to space "root") and cannot be bundled for a browser target')
    expect(errors).toMatch(/Reached through:\n {4}plugins\/beta\/index\.js \(space beta\)\n {6}fake-native → fake-native@1\.0\.0\n {2}space: beta\n/)
    expect(errors).toMatch(/Reached through:\n {4}plugins\/beta\/native-chain\/entry\.js \(space beta\)\n {6}plugins\/beta\/native-chain\/middle\.js \(space beta\)\n {8}fake-native → fake-native@1\.0\.0\n/)
    expect(errors).toContain('fix: override "fake-native" with a browser stand-in (or false) in spaces.beta.overrides')
  })
})
