import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir, tokenOf } from '@modspace/test-utils'
import webpack, { type Compiler, type Configuration, type Stats } from 'webpack'
import { afterEach, expect } from 'vitest'
import { errorMessages, nodeBuild } from './run-webpack.js'

const require = createRequire(import.meta.url)
const cleanups: Array<() => void> = []
afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()))

const pkg = (name: string, version: string, more: object = {}) => JSON.stringify({ name, version, type: 'module', ...more })
const config = (a: object) => JSON.stringify({ spaces: { a: { root: './plugins/a', entries: { main: './plugins/a/index.js' }, ...a } } })

/** How a test drives rebuilds: the n-th build's stats, and a way to stop. */
export interface Rebuilds {
  build(n: number): Promise<Stats>
  close(): Promise<void>
}

/** Collects every finished build of `compiler`, whoever started it. */
export function collectBuilds(compiler: Compiler): (n: number) => Promise<Stats> {
  const builds: Stats[] = []
  const waiting: Array<() => void> = []
  compiler.hooks.done.tap('test', (stats) => {
    builds.push(stats)
    waiting.splice(0).forEach((wake) => wake())
  })
  return (n) =>
    new Promise((resolve) => {
      const check = () => (builds.length >= n ? resolve(builds[n - 1]!) : waiting.push(check))
      check()
    })
}

/**
 * The same three rebuilds whoever watches: (1) a's range takes the host's dep, one instance; (2) a installs its own dep
 * 2 and asks for it in its package.json, no source file changes, so the graph must forget its earlier answer and
 * webpack must ask again for an unchanged importer; (3) only the config changes (dep shared), so the config must be
 * read again and every module rebuilt.
 */
export async function rebuildScenario(watch: (compiler: Compiler) => Rebuilds, createCompiler: (config: Configuration) => Compiler = webpack): Promise<void> {
  const app = makeTempDir('modspace-webpack-watch-')
  // Outside the app: the app's package.json says "type": "module", the bundles are CommonJS.
  const out = makeTempDir('modspace-webpack-watch-out-')
  cleanups.push(app.cleanup, out.cleanup)
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(app.dir, path)), { recursive: true })
      writeFileSync(join(app.dir, path), text)
    }
  }
  // Every rebuild rewrites the same files: load them afresh, host and a sharing one runtime.
  const load = () => {
    for (const key of Object.keys(require.cache)) if (key.startsWith(out.dir)) delete require.cache[key]
    return { host: require(join(out.dir, 'host.js')), a: require(join(out.dir, 'a/main.js')) }
  }

  write({
    'modspace.config.json': config({}),
    'package.json': pkg('host', '1.0.0', { dependencies: { dep: '^1.0.0' } }),
    'host.js': "export * as dep from 'dep'\n",
    'node_modules/dep/package.json': pkg('dep', '1.0.0', { exports: './index.js' }),
    'node_modules/dep/index.js': "export const version = '1.0.0'\nexport const token = {}\n",
    'plugins/a/package.json': pkg('a', '1.0.0', { dependencies: { dep: '^1.0.0' } }),
    'plugins/a/index.js': "export * as dep from 'dep'\nexport const round = 1\n",
  })
  const compiler = createCompiler(nodeBuild(app.dir, out.dir, { host: './host.js' }, { stats: 'none', plugins: [new ModspacePlugin({ config: './modspace.config.json' })] }))
  const rebuilds = watch(compiler)
  try {
    expect(errorMessages(await rebuilds.build(1))).toEqual([])
    let { host, a } = load()
    expect(a.round).toBe(1)
    expect(tokenOf(a.dep)).toBe(tokenOf(host.dep))

    write({
      'plugins/a/node_modules/dep/package.json': pkg('dep', '2.0.0', { exports: './index.js' }),
      'plugins/a/node_modules/dep/index.js': "export const version = '2.0.0'\nexport const token = {}\n",
      'plugins/a/package.json': pkg('a', '1.0.0', { dependencies: { dep: '^2.0.0' } }),
    })
    expect(errorMessages(await rebuilds.build(2))).toEqual([])
    ;({ host, a } = load())
    expect(a.round).toBe(1)
    expect(a.dep.version).toBe('2.0.0')

    write({ 'modspace.config.json': config({ shared: ['dep'] }) })
    expect(errorMessages(await rebuilds.build(3))).toEqual([])
    ;({ host, a } = load())
    expect(a.dep.version).toBe('1.0.0')
    expect(tokenOf(a.dep)).toBe(tokenOf(host.dep))
  } finally {
    await rebuilds.close()
  }
}

