import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import type { Compiler, Configuration, Stats } from '@rspack/core'
import { afterAll, expect, it } from 'vitest'
import { APP, APP_CONFIG, expectAppInstances, readManifest } from './app-fixture.js'
import { browserBuild, expectBrowserBuild } from './browser-fixture.js'
import { runRspack } from './run-rspack.js'
import { loadEntry, nodeBuild } from './run-webpack.js'

const temp = makeTempDir('modspace-rspack-targets-')
afterAll(() => temp.cleanup())

const build = (config: object) => runRspack(config as Configuration)
const messages = (stats: Stats) => stats.compilation.errors.map((e) => e.message)

it('keeps every instance relation in a production build with split chunks', async () => {
  const outDir = join(temp.dir, 'prod')
  const stats = await build(
    nodeBuild(APP, outDir, { host: './host.js' }, {
      mode: 'production',
      plugins: [new ModspacePlugin({ config: APP_CONFIG })],
      optimization: { runtimeChunk: 'single', splitChunks: { chunks: 'all', minSize: 0, minChunks: 2 } },
    }),
  )
  expect(messages(stats)).toEqual([])
  await expectAppInstances(outDir)
})

it('builds for the browser with the browser export condition, each space its own copy', async () => {
  const outDir = join(temp.dir, 'browser')
  expect(messages(await build(browserBuild(outDir)))).toEqual([])
  expectBrowserBuild(outDir)
})

it('fails a browser build that reaches a native addon, naming the package and the importer', async () => {
  const stats = await build({
    ...nodeBuild(APP, join(temp.dir, 'browser-native'), { beta: { import: './plugins/beta/index.js', layer: 'beta' } }),
    target: 'web',
    output: { path: join(temp.dir, 'browser-native') },
    plugins: [new ModspacePlugin({ config: APP_CONFIG })],
  })
  const errors = messages(stats).join('\n')
  expect(errors).toContain('[MODSPACE_NATIVE_IN_BROWSER] spaces.beta.overrides: fake-native@1.0.0 is a native addon (pinned to space "root") and cannot be bundled for a browser target')
  // rspack's externals step has no module graph: the chain is the importer alone. (Under vitest, whose stack
  // rewriting drops `path (space x)` lines from the message rspack prints, the importer is checked in the details.)
  expect(errors).toContain(`importer: ${join(APP, 'plugins/beta/index.js')}`)
  expect(errors).toContain('fix: override "fake-native" with a browser stand-in (or false) in spaces.beta.overrides')
})

/** A space whose one file both imports and requires a dual package: two dependencies rspack's hooks see alike. */
function writeDualApp(root: string): void {
  const files: Record<string, string> = {
    'package.json': '{ "name": "dual-app", "version": "1.0.0" }',
    'modspace.config.json': '{ "spaces": { "a": { "root": "./a", "entries": { "main": "./a/index.js" } } } }',
    'a/package.json': '{ "name": "a", "version": "1.0.0", "dependencies": { "dual": "1.0.0" } }',
    'a/index.js': "import { kind as imported } from 'dual'\nconst required = require('dual').kind\nexport { imported, required }\n",
    'a/node_modules/dual/package.json': '{ "name": "dual", "version": "1.0.0", "exports": { "import": "./esm.mjs", "require": "./cjs.cjs" } }',
    'a/node_modules/dual/esm.mjs': "export const kind = 'import'\n",
    'a/node_modules/dual/cjs.cjs': "exports.kind = 'require'\n",
  }
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true })
    writeFileSync(join(root, file), text)
  }
}

it('gives an import and a require of one package from one file their own files, build after build', async () => {
  const app = join(temp.dir, 'dual-app')
  writeDualApp(app)
  for (let i = 0; i < 5; i++) {
    const outDir = join(temp.dir, `dual-${i}`)
    const stats = await build(nodeBuild(app, outDir, {}, { plugins: [new ModspacePlugin({ config: join(app, 'modspace.config.json') })] }))
    expect(messages(stats)).toEqual([])
    expect(readManifest(outDir).modules.map((m) => `${m.space} ${m.id}`)).toEqual(['a a/index.js', 'a a/node_modules/dual/cjs.cjs', 'a a/node_modules/dual/esm.mjs'])
    const a = loadEntry(outDir, 'a/main')
    expect([a.imported, a.required]).toEqual(['import', 'require'])
  }
})

it("names a space's missing entry by its config line, and builds the others, in a build with no entry of its own", async () => {
  const config = { spaces: { alpha: { root: './plugins/alpha', entries: { main: './plugins/alpha/index.js', extra: './plugins/alpha/nope.js' } } } }
  const stats = await build(nodeBuild(APP, join(temp.dir, 'entry-missing'), {}, { plugins: [new ModspacePlugin({ config })] }))
  const errors = stats.compilation.errors as unknown as Array<Error & Record<string, unknown>>
  expect(errors).toHaveLength(1)
  expect(errors[0]!.message).toContain(`[MODSPACE_ENTRY_MISSING] spaces.alpha.entries.extra: the entry ${join(APP, 'plugins/alpha/nope.js')} does not exist.`)
  expect(stats.compilation.entrypoints.has('alpha/main')).toBe(true)
})

it('keeps the spaces apart in a build with a child compilation (an HTML template, say) of its own', async () => {
  const outDir = join(temp.dir, 'child')
  const child = {
    apply(compiler: Compiler) {
      compiler.hooks.make.tapPromise('child', (compilation) => new Promise<void>((resolve, reject) => {
        const childCompiler = compilation.createChildCompiler('child', { filename: 'child-[name].js' }, [new compiler.webpack.EntryPlugin(APP, './host.js', { name: 'child' })])
        childCompiler.runAsChild((error) => (error ? reject(error) : resolve()))
      }))
    },
  }
  const stats = await build(nodeBuild(APP, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: APP_CONFIG }), child as never] }))
  expect(messages(stats)).toEqual([])
  await expectAppInstances(outDir)
})
