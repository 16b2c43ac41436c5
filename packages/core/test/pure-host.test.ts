import { describe, expect, it } from 'vitest'
import { createGraph } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// The whole algorithm over a tree that exists only in memory: the core touches files only through its host.
const tree = {
  '/app/package.json': JSON.stringify({ name: 'app', version: '1.0.0', dependencies: { dep: '^2.0.0' } }),
  '/app/node_modules/dep/package.json': JSON.stringify({ name: 'dep', version: '2.5.0' }),
  '/app/node_modules/dep/index.js': 'exports.token = {}',
  '/app/plugin/package.json': JSON.stringify({ name: 'plugin', version: '1.0.0', dependencies: { dep: '^1.0.0' } }),
  '/app/plugin/index.js': "require('dep')",
  '/app/plugin/node_modules/dep/package.json': JSON.stringify({ name: 'dep', version: '1.1.0', main: 'lib/main.js' }),
  '/app/plugin/node_modules/dep/lib/main.js': 'exports.token = {}',
  '/app/plugin/node_modules/linked': { link: '/elsewhere/linked' },
  '/elsewhere/linked/package.json': JSON.stringify({ name: 'linked', version: '1.0.0' }),
  '/elsewhere/linked/index.js': 'exports.token = {}',
}

describe('the core over an in-memory host', () => {
  const host = createMemoryHost(tree)
  const graph = createGraph({ spaces: { plugin: { root: './plugin' } } }, { cwd: '/app', host })

  it('applies version-aware parent-first delegation', () => {
    const result = graph.resolve({ space: 'plugin', specifier: 'dep', importer: '/app/plugin/index.js', kind: 'require' })
    expect(result).toMatchObject({ space: 'plugin', id: '/app/plugin/node_modules/dep/lib/main.js', kind: 'file', package: { name: 'dep', version: '1.1.0' } })
  })

  it('takes the parent copy for the host itself', () => {
    expect(graph.resolve({ space: 'root', specifier: 'dep', kind: 'require' }).id).toBe('/app/node_modules/dep/index.js')
  })

  it('resolves symlinks to real paths', () => {
    const result = graph.resolve({ space: 'plugin', specifier: 'linked', importer: '/app/plugin/index.js', kind: 'require' })
    expect(result.id).toBe('/elsewhere/linked/index.js')
  })

  it('reads nothing twice: answers and file reads are remembered', () => {
    const before = host.reads.length
    graph.resolve({ space: 'plugin', specifier: 'dep', importer: '/app/plugin/index.js', kind: 'require' })
    expect(host.reads.length).toBe(before)
  })

  it('reads again after clearCache()', () => {
    graph.clearCache()
    const before = host.reads.length
    graph.resolve({ space: 'plugin', specifier: 'dep', importer: '/app/plugin/index.js', kind: 'require' })
    expect(host.reads.length).toBeGreaterThan(before)
  })
})
