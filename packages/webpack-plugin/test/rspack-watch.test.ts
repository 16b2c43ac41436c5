import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { ModspacePlugin } from '@modspace/webpack-plugin'
import { makeTempDir } from '@modspace/test-utils'
import { rspack, type Configuration as RspackConfiguration } from '@rspack/core'
import type { Compiler, Configuration } from 'webpack'
import { expect, it } from 'vitest'
import { nodeBuild } from './run-webpack.js'
import { collectBuilds, rebuildScenario } from './watch-scenario.js'

it('follows changed files and a changed config across rspack watch rebuilds', async () => {
  const create = (config: Configuration) => rspack(config as RspackConfiguration) as unknown as Compiler
  await rebuildScenario((compiler) => {
    const build = collectBuilds(compiler)
    const watching = compiler.watch({ aggregateTimeout: 100 }, (error) => {
      if (error) throw error
    })
    return { build, close: () => new Promise((resolve) => (watching ? watching.close(() => resolve()) : resolve())) }
  }, create)
})

it('refuses a watch rebuild whose config has other spaces, saying to restart rspack', async () => {
  const app = makeTempDir('modspace-rspack-watch-spaces-')
  const out = makeTempDir('modspace-rspack-watch-spaces-out-')
  try {
    const write = (files: Record<string, string>) => Object.entries(files).forEach(([file, text]) => writeFileSync(join(app.dir, file), text))
    mkdirSync(join(app.dir, 'a'))
    write({ 'package.json': '{ "name": "host", "version": "1.0.0" }', 'a/index.js': 'module.exports = 1\n', 'host.js': 'module.exports = 0\n' })
    write({ 'modspace.config.json': JSON.stringify({ spaces: { a: { root: './a', entries: { main: './a/index.js' } } } }) })
    const compiler = rspack(nodeBuild(app.dir, out.dir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: './modspace.config.json' })] }) as RspackConfiguration)
    const errors: unknown[] = []
    const builds: number[] = []
    const watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) => {
      if (error) errors.push(error)
      builds.push(stats?.compilation.errors.length ?? -1)
    })
    await until(() => builds.length === 1)
    write({ 'modspace.config.json': JSON.stringify({ spaces: { a: { root: './a', entries: { main: './a/index.js' } }, b: { root: './a' } } }) })
    await until(() => errors.length === 1)
    await new Promise<void>((resolve) => watching.close(() => resolve()))
    expect(builds[0]).toBe(0)
    expect(errors[0]).toMatchObject({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', configPath: 'spaces', fix: expect.stringContaining('restart rspack') })
  } finally {
    app.cleanup()
    out.cleanup()
  }
})

it('refuses a watch rebuild once a missing entry file appears, rather than building without it', async () => {
  const app = makeTempDir('modspace-rspack-watch-entry-')
  const out = makeTempDir('modspace-rspack-watch-entry-out-')
  try {
    const write = (files: Record<string, string>) => Object.entries(files).forEach(([file, text]) => writeFileSync(join(app.dir, file), text))
    mkdirSync(join(app.dir, 'a'))
    write({ 'package.json': '{ "name": "host", "version": "1.0.0" }', 'a/other.js': 'module.exports = 1\n', 'host.js': 'module.exports = 0\n' })
    write({ 'modspace.config.json': JSON.stringify({ spaces: { a: { root: './a', entries: { main: './a/index.js' } } } }) })
    const compiler = rspack(nodeBuild(app.dir, out.dir, { host: './host.js' }, { plugins: [new ModspacePlugin({ config: './modspace.config.json' })] }) as RspackConfiguration)
    const errors: unknown[] = []
    const builds: string[][] = []
    const watching = compiler.watch({ aggregateTimeout: 50 }, (error, stats) => {
      if (error) errors.push(error)
      builds.push((stats?.compilation.errors ?? []).map((e) => String((e as { message?: string }).message ?? e)))
    })
    await until(() => builds.length === 1)
    write({ 'a/index.js': 'module.exports = 2\n' })
    await until(() => errors.length === 1)
    await new Promise<void>((resolve) => watching.close(() => resolve()))
    expect(builds[0]!.join('\n')).toContain('MODSPACE_ENTRY_MISSING')
    expect(errors[0]).toMatchObject({ code: 'MODSPACE_UNSUPPORTED_BUNDLER', fix: expect.stringContaining('restart rspack') })
  } finally {
    app.cleanup()
    out.cleanup()
  }
})

async function until(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 20))
}
