import { describe, expect, it } from 'vitest'
import type { ModspaceHost } from '../src/host.js'
import { createGraph } from '../src/index.js'
import { createMemoHost, isInstalledManifest } from '../src/resolve/memo-host.js'
import { createMemoryHost, type MemoryTree } from './memory-host.js'

// The shortcuts a cold resolution takes (issue #11's cold target) give the answers of the longer way on their edges.

describe('which package.json the memo host reads without asking first', () => {
  it.each([
    ['/r/node_modules/a/package.json', true],
    ['/r/node_modules/@s/a/package.json', true],
    ['/node_modules/a/package.json', true],
    ['/r/package.json', false],
    ['/r/node_modules/a/lib/package.json', false],
    ['/r/node_modules/@s/package.json', false],
    ['/r/node_modules/node_modules/package.json', false],
    ['/r/node_modules/a/package.jsonx', false],
    ['/r/node_modules/a/not-package.json', false],
    ['/r/@s/a/package.json', false],
  ])('%s → %s', (path, expected) => {
    expect(isInstalledManifest(path)).toBe(expected)
  })
})

describe('the memo host reading a file', () => {
  const tree: MemoryTree = {
    '/r/node_modules/a/package.json': '{"name":"a"}',
    '/r/node_modules/b/index.js': '',
    '/r/src/package.json': '{"name":"src"}',
  }
  function counted() {
    const base = createMemoryHost(tree)
    const calls = { lstat: 0, readFile: 0 }
    const host: ModspaceHost = {
      ...base,
      readFile: (path) => (calls.readFile++, base.readFile(path)),
      lstat: (path) => {
        calls.lstat++
        const stat = base.stat(path)
        return stat && { ...stat, isSymbolicLink: false }
      },
    }
    return { memo: createMemoHost(host), calls }
  }

  it.each([
    // An installed package's manifest is read at once, there or not.
    ['/r/node_modules/a/package.json', '{"name":"a"}', { lstat: 0, readFile: 1 }],
    ['/r/node_modules/b/package.json', undefined, { lstat: 0, readFile: 1 }],
    // Elsewhere a missing file is found missing by lstat, without a read.
    ['/r/src/package.json', '{"name":"src"}', { lstat: 1, readFile: 1 }],
    ['/r/node_modules/b/lib/package.json', undefined, { lstat: 1, readFile: 0 }],
  ])('%s', (path, text, expected) => {
    const { memo, calls } = counted()
    expect(memo.readFile(path)).toBe(text)
    expect(memo.readFile(path)).toBe(text)
    expect(calls).toEqual(expected)
  })
})

describe('parent-first against the range the importer declares', () => {
  const manifest = (data: object) => JSON.stringify(data)
  function graphFor(range: string) {
    const host = createMemoryHost({
      '/node_modules/dep/package.json': manifest({ name: 'dep', version: '1.5.0' }),
      '/node_modules/dep/index.js': '',
      '/app/package.json': manifest({ name: 'app', dependencies: { dep: range } }),
      '/app/src/main.js': '',
      '/app/node_modules/dep/package.json': manifest({ name: 'dep', version: '2.0.0' }),
      '/app/node_modules/dep/index.js': '',
    })
    return createGraph({ spaces: { app: { root: '/app', delegation: 'parent-first' } } }, { cwd: '/', host })
  }

  it.each([
    ['^1.0.0', 'root', '/node_modules/dep/index.js', 'the parent\'s dep@1.5.0 satisfies ^1.0.0'],
    ['^2.0.0', 'app', '/app/node_modules/dep/index.js', 'does not satisfy ^2.0.0'],
    ['npm:dep@^2.0.0', 'app', '/app/node_modules/dep/index.js', 'does not satisfy ^2.0.0'],
    ['latest', 'root', '/node_modules/dep/index.js', 'declares "latest" for "dep", which is not a semver range'],
    ['file:../dep', 'root', '/node_modules/dep/index.js', 'which is not a semver range'],
    ['', 'root', '/node_modules/dep/index.js', 'the parent\'s dep@1.5.0 satisfies '],
  ])('"%s" → %s %s', (range, space, id, message) => {
    const result = graphFor(range).resolve({ space: 'app', specifier: 'dep', importer: '/app/src/main.js', kind: 'require' })
    expect({ space: result.space, id: result.id }).toEqual({ space, id })
    expect(result.trace.map((step) => step.message).join('\n')).toContain(message)
  })
})
