import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir, tokenOf } from '@modspace/test-utils'
import webpack, { type Stats } from 'webpack'
import { afterAll, expect, it } from 'vitest'
import { errorMessages, nodeBuild } from './run-webpack.js'

const temp = makeTempDir('modspace-webpack-watch-')
// Outside the app: the app's package.json says "type": "module", the bundles are CommonJS.
const out = makeTempDir('modspace-webpack-watch-out-')
afterAll(() => {
  temp.cleanup()
  out.cleanup()
})
const require = createRequire(import.meta.url)

function write(files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(temp.dir, path)), { recursive: true })
    writeFileSync(join(temp.dir, path), text)
  }
}

function pkg(name: string, version: string, more: object = {}): string {
  return JSON.stringify({ name, version, type: 'module', ...more })
}

/** Loads the host and a's entry afresh (every rebuild rewrites the same files), sharing one runtime. */
function load(outDir: string): { host: Record<string, any>; a: Record<string, any> } {
  for (const key of Object.keys(require.cache)) if (key.startsWith(outDir)) delete require.cache[key]
  return { host: require(join(outDir, 'host.js')), a: require(join(outDir, 'a/main.js')) }
}

it('follows changed files and a changed config across watch rebuilds', async () => {
  write({
    'modspace.config.json': JSON.stringify({ spaces: { a: { root: './plugins/a', entries: { main: './plugins/a/index.js' } } } }),
    'package.json': pkg('host', '1.0.0', { dependencies: { dep: '^1.0.0' } }),
    'host.js': "export * as dep from 'dep'\n",
    'node_modules/dep/package.json': pkg('dep', '1.0.0', { exports: './index.js' }),
    'node_modules/dep/index.js': "export const version = '1.0.0'\nexport const token = {}\n",
    'plugins/a/package.json': pkg('a', '1.0.0', { dependencies: { dep: '^1.0.0' } }),
    'plugins/a/index.js': "export * as dep from 'dep'\nexport const round = 1\n",
  })
  const outDir = out.dir
  const compiler = webpack(nodeBuild(temp.dir, outDir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: './modspace.config.json' })] }))
  const builds: Stats[] = []
  let notify: (() => void) | undefined
  const watching = compiler.watch({ aggregateTimeout: 100 }, (error, stats) => {
    if (error) throw error
    builds.push(stats!)
    notify?.()
  })
  const nextBuild = (count: number) => new Promise<Stats>((resolve) => {
    const check = () => (builds.length >= count ? resolve(builds[count - 1]!) : undefined)
    notify = check
    check()
  })
  try {
    // 1: a's range takes the host's dep: one instance.
    expect(errorMessages(await nextBuild(1))).toEqual([])
    let { host, a } = load(outDir)
    expect(a.round).toBe(1)
    expect(tokenOf(a.dep)).toBe(tokenOf(host.dep))

    // 2: a now needs dep 2 and has its own copy; the graph must forget what it answered before.
    write({
      'plugins/a/node_modules/dep/package.json': pkg('dep', '2.0.0', { exports: './index.js' }),
      'plugins/a/node_modules/dep/index.js': "export const version = '2.0.0'\nexport const token = {}\n",
      'plugins/a/package.json': pkg('a', '1.0.0', { dependencies: { dep: '^2.0.0' } }),
      'plugins/a/index.js': "export * as dep from 'dep'\nexport const round = 2\n",
    })
    expect(errorMessages(await nextBuild(2))).toEqual([])
    ;({ host, a } = load(outDir))
    expect(a.round).toBe(2)
    expect(a.dep.version).toBe('2.0.0')

    // 3: only the config changes (dep is shared now): the config is read again and every module rebuilt.
    write({ 'modspace.config.json': JSON.stringify({ spaces: { a: { root: './plugins/a', shared: ['dep'], entries: { main: './plugins/a/index.js' } } } }) })
    expect(errorMessages(await nextBuild(3))).toEqual([])
    ;({ host, a } = load(outDir))
    expect(a.dep.version).toBe('1.0.0')
    expect(tokenOf(a.dep)).toBe(tokenOf(host.dep))
  } finally {
    await new Promise<void>((resolve) => (watching ? watching.close(() => resolve()) : resolve()))
  }
})
