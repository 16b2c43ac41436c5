import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { makeTempDir } from '@modspace/test-utils'
import { ModuleSpace } from '../src/index.js'

// Real packages installed at the repo's root, loaded by a self-first space rooted there: the space owns its own
// instance of each, so they go through the adapter's loaders rather than the host's.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url))
const hostRequire = createRequire(`${repoRoot}/package.json`)
const space = new ModuleSpace({ parent: undefined, root: repoRoot, delegation: 'self-first', name: 'npm' })
afterAll(() => space.dispose())

describe('real npm packages', () => {
  it('loads CommonJS-only packages (semver, chalk 4, debug) as instances of the space', async () => {
    const semver = space.require('semver')
    expect(semver).not.toBe(hostRequire('semver'))
    expect(semver.satisfies('1.2.3', '^1.0.0')).toBe(true)
    // chalk 4 assigns `module.exports = chalk`: as in Node, an ES importer gets no named exports from it.
    const { default: chalk, ...named } = await space.import('chalk')
    expect(Object.keys(named)).toEqual(['module.exports'])
    expect(new chalk.Instance({ level: 1 }).red('x')).toBe('\u001b[31mx\u001b[39m')
    expect(chalk).not.toBe(hostRequire('chalk'))
    const debug = space.require('debug')
    expect(debug('modspace:test').namespace).toBe('modspace:test')
  })

  it('loads ESM-only packages (cac, tinyexec) through the ESM transform', async () => {
    const { cac } = await space.import('cac')
    const cli = cac('demo')
    cli.option('--port <n>', 'port')
    expect(cli.parse(['node', 'demo', '--port', '8'], { run: false }).options.port).toBe(8)
    const { x } = await space.import('tinyexec')
    const result = await x(process.execPath, ['-e', 'process.stdout.write("ok")'])
    expect(result.stdout).toBe('ok')
  }, 30_000)

  it('runs a vite build and a rollup build from inside the space (ESM-only, dynamic imports, native bindings)', async () => {
    const { dir, cleanup } = makeTempDir('modspace-vite-')
    try {
      writeFileSync(join(dir, 'index.html'), '<script type="module" src="./main.js"></script>')
      writeFileSync(join(dir, 'main.js'), "import { answer } from './answer.js'\ndocument.body.textContent = String(answer)\n")
      writeFileSync(join(dir, 'answer.js'), 'export const answer = 42\n')
      const { build } = await space.import('vite')
      const result = await build({ root: dir, logLevel: 'silent', build: { write: false } })
      const chunks = (Array.isArray(result) ? result[0] : result).output.filter((o: any) => o.type === 'chunk')
      expect(chunks.map((c: any) => c.code).join('')).toContain('42')
      const { rollup } = await space.import('rollup')
      const bundle = await rollup({ input: join(dir, 'main.js') })
      expect((await bundle.generate({ format: 'es' })).output[0].code).toContain('const answer = 42')
    } finally {
      cleanup()
    }
  }, 60_000)

  it('loads the right half of dual packages for import and for require', async () => {
    const esm = await space.import('magic-string')
    const cjs = space.require('magic-string')
    expect(new esm.default('abc').overwrite(0, 1, 'x').toString()).toBe('xbc')
    expect(space.resolve('magic-string', { kind: 'import' })).toMatch(/\.mjs$/)
    expect(space.resolve('magic-string', { kind: 'require' })).toMatch(/\.cjs\.js$|\.js$/)
    expect(new cjs('abc').toString()).toBe('abc')
    const { Command } = await space.import('commander')
    expect(new Command('demo').name()).toBe('demo')
  })

  it('loads a large CommonJS tree (webpack) and builds with it', async () => {
    const webpack = space.require('webpack')
    expect(webpack).not.toBe(hostRequire('webpack'))
    const { dir, cleanup } = makeTempDir('modspace-webpack-')
    try {
      writeFileSync(join(dir, 'entry.js'), 'export const answer = 42\n')
      const stats = await new Promise<any>((resolve, reject) =>
        webpack({ mode: 'production', context: dir, entry: './entry.js', output: { path: join(dir, 'out'), library: { type: 'commonjs2' } } })
          .run((error: Error | null, result: unknown) => (error ? reject(error) : resolve(result))),
      )
      expect(stats.hasErrors()).toBe(false)
      expect(hostRequire(join(dir, 'out/main.js')).answer).toBe(42)
    } finally {
      cleanup()
    }
    expect(Object.keys(space.requireCache).length).toBeGreaterThan(300)
  }, 60_000)
})
