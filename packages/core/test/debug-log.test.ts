import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

// The built core in a real process (turbo builds before it tests): `debug` is loaded only once DEBUG is set, so both
// ways of setting it are checked where they take effect, in a fresh process.
const index = new URL('../dist/index.js', import.meta.url).href
const here = fileURLToPath(new URL('..', import.meta.url))

function run(script: string, env: Record<string, string | undefined>): string {
  const clean = { ...process.env, ...env }
  for (const [key, value] of Object.entries(clean)) if (value === undefined) delete clean[key]
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: here, env: clean, encoding: 'utf8' })
  expect(child.status, child.stderr).toBe(0)
  return child.stderr
}

const resolveOne = (before = '') => `
const { createGraph } = await import(${JSON.stringify(index)})
const graph = createGraph({ spaces: {} }, { cwd: process.cwd() });
${before}
graph.resolve({ space: 'root', specifier: 'semver', kind: 'require' })`

describe('DEBUG=modspace:core', () => {
  it('logs each decision when set in the environment', () => {
    expect(run(resolveOne(), { DEBUG: 'modspace:core', DEBUG_COLORS: '0' })).toMatch(/modspace:core root semver from .* → root .*semver.*\(file\)/)
  })

  it('logs each decision when debug.enable() set it from code, after the core was loaded', () => {
    const enable = `(await import('node:module')).createRequire(process.cwd() + '/package.json')('debug').enable('modspace:core')`
    expect(run(resolveOne(enable), { DEBUG: undefined, DEBUG_COLORS: '0' })).toMatch(/modspace:core root semver/)
  })

  it('logs nothing without it', () => {
    expect(run(resolveOne(), { DEBUG: undefined })).toBe('')
  })
})
