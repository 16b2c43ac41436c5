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

describe('clearCache with the paths a watcher reports', () => {
  const setup = () => {
    const host = createMemoryHost(tree)
    const graph = createGraph({ spaces: { plugin: { root: './plugin' } } }, { cwd: '/app', host })
    const resolveDep = () => graph.resolve({ space: 'plugin', specifier: 'dep', importer: '/app/plugin/index.js', kind: 'require' }).id
    const resolveUtil = () => graph.resolve({ space: 'plugin', specifier: './util', importer: '/app/plugin/index.js', kind: 'require' }).id
    return { host, graph, resolveDep, resolveUtil }
  }

  it('keeps every answer when only the contents of a source file changed', () => {
    const { host, graph, resolveDep } = setup()
    expect(resolveDep()).toBe('/app/plugin/node_modules/dep/lib/main.js')
    host.write('/app/plugin/node_modules/dep/lib/main.js', 'exports.token = { edited: true }')
    const before = host.reads.length
    expect(graph.clearCache(['/app/plugin/node_modules/dep/lib/main.js', '/app/plugin/index.js'])).toBe(false)
    expect(resolveDep()).toBe('/app/plugin/node_modules/dep/lib/main.js')
    expect(host.reads.length).toBe(before)
  })

  it('forgets everything when a package.json changed', () => {
    const { host, graph, resolveDep } = setup()
    expect(resolveDep()).toBe('/app/plugin/node_modules/dep/lib/main.js')
    host.write('/app/plugin/node_modules/dep/package.json', JSON.stringify({ name: 'dep', version: '1.2.0', main: 'index.js' }))
    host.write('/app/plugin/node_modules/dep/index.js', 'exports.token = {}')
    expect(graph.clearCache(['/app/plugin/node_modules/dep/package.json', '/app/plugin/node_modules/dep/index.js'])).toBe(true)
    expect(resolveDep()).toBe('/app/plugin/node_modules/dep/index.js')
  })

  it('forgets everything when a file appears where a lookup found nothing', () => {
    const { host, graph, resolveUtil } = setup()
    host.write('/app/plugin/util/index.js', '')
    expect(resolveUtil()).toBe('/app/plugin/util/index.js')
    // ./util.js wins over the folder from now on: the earlier "nothing at util.js" must not be kept.
    host.write('/app/plugin/util.js', '')
    expect(graph.clearCache(['/app/plugin/util.js'])).toBe(true)
    expect(resolveUtil()).toBe('/app/plugin/util.js')
  })

  it('forgets everything when a file is removed, or appears in a folder that was missing', () => {
    const { host, graph, resolveUtil } = setup()
    host.write('/app/plugin/util.js', '')
    expect(resolveUtil()).toBe('/app/plugin/util.js')
    host.remove('/app/plugin/util.js')
    host.write('/app/plugin/util/index.js', '')
    expect(graph.clearCache(['/app/plugin/util.js'])).toBe(true)
    expect(resolveUtil()).toBe('/app/plugin/util/index.js')
    // A package installed where a lookup found no folder: its files are new under a folder remembered as missing.
    const resolveOther = () => graph.resolve({ space: 'plugin', specifier: 'other', importer: '/app/plugin/index.js', kind: 'require' }).id
    expect(resolveOther).toThrow(/MODSPACE_NOT_FOUND/)
    host.write('/app/plugin/node_modules/other/index.js', '')
    expect(graph.clearCache(['/app/plugin/node_modules/other/index.js'])).toBe(true)
    expect(resolveOther()).toBe('/app/plugin/node_modules/other/index.js')
  })
})
