import { describe, expect, it, vi } from 'vitest'
import type { ModspaceHost } from '../src/host.js'
import { createMemoHost } from '../src/resolve/memo-host.js'
import { createListingHost, createMemoryHost, type MemoryTree } from './memory-host.js'

/** The memory host with the optional `lstat` (no listings), counting the calls made of each operation. */
function withLstat(tree: MemoryTree) {
  const { entries: _entries, calls, ...host } = createListingHost(tree)
  return { host: createMemoHost(host), calls }
}

describe('the memo host over a host with lstat', () => {
  const tree: MemoryTree = {
    '/r/pkg/index.js': 'x',
    '/r/linked': { link: '/r/pkg' },
    '/r/file-link.js': { link: '/r/pkg/index.js' },
  }

  it('gives the real path through a linked folder and of a linked file', () => {
    const { host } = withLstat(tree)
    expect(host.realpath('/r/linked/index.js')).toBe('/r/pkg/index.js')
    expect(host.realpath('/r/file-link.js')).toBe('/r/pkg/index.js')
    expect(host.realpath('/r/pkg/index.js')).toBe('/r/pkg/index.js')
    expect(host.realpath('/r/missing.js')).toBeUndefined()
  })

  it('answers stat of a plain file from its lstat, and follows a link with stat', () => {
    const { host, calls } = withLstat(tree)
    expect(host.stat('/r/pkg/index.js')).toEqual({ isFile: true, isDirectory: false })
    expect(calls.stat).toBeUndefined()
    expect(host.stat('/r/file-link.js')).toEqual({ isFile: true, isDirectory: false })
    expect(calls.stat).toBe(1)
  })

  it('takes a path lstat finds missing as missing, without asking stat or realpath', () => {
    const { host, calls } = withLstat(tree)
    expect(host.stat('/r/pkg/missing.js')).toBeUndefined()
    expect(host.realpath('/r/pkg/missing.js')).toBeUndefined()
    expect(calls.stat).toBeUndefined()
    expect(calls.realpath).toBeUndefined()
    expect(calls.lstat).toBe(1)
  })

  it('does not ask the host to read a file that lstat says is missing', () => {
    const { host, calls } = withLstat(tree)
    expect(host.readFile('/r/pkg/package.json')).toBeUndefined()
    expect(calls.readFile).toBeUndefined()
    expect(host.readFile('/r/linked/index.js')).toBe('x')
    expect(calls.readFile).toBe(1)
  })
})

describe('the memo host and relative paths', () => {
  it('gives a relative path to the host as it is (no lstat walk up to the root)', () => {
    const { host, calls } = withLstat({ '/r/pkg/index.js': 'x' })
    expect(host.realpath('r/pkg/index.js')).toBe(createMemoryHost({}).realpath('r/pkg/index.js'))
    expect(calls.lstat).toBeUndefined()
  })
})

describe('the memo host over a host that lists folders', () => {
  const tree: MemoryTree = {
    '/r/node_modules/a/package.json': '{"name":"a"}',
    '/r/node_modules/a/index.js': '',
    '/r/node_modules/@s/b/index.js': '',
    '/r/node_modules/Upper.js': '',
    '/r/node_modules/linked': { link: '/r/node_modules/a' },
    '/r/src/index.js': '',
  }
  function listed(overrides: Partial<ModspaceHost> = {}) {
    const base = createListingHost(tree)
    return { memo: createMemoHost({ ...base, ...overrides }), calls: base.calls }
  }

  it("answers a missing name and a folder in node_modules from the folder's one listing", () => {
    const { memo, calls } = listed()
    expect(memo.stat('/r/node_modules/a.js')).toBeUndefined()
    expect(memo.stat('/r/node_modules/a.json')).toBeUndefined()
    expect(memo.stat('/r/node_modules/a')).toEqual({ isFile: false, isDirectory: true })
    expect(memo.stat('/r/node_modules/@s')).toEqual({ isFile: false, isDirectory: true })
    expect(memo.stat('/r/node_modules/@s/c')).toBeUndefined()
    expect(calls).toEqual({ entries: 2 })
  })

  it('still asks lstat about a file that is there (for its version) and about a link', () => {
    const { memo, calls } = listed()
    expect(memo.stat('/r/node_modules/a/index.js')).toEqual({ isFile: true, isDirectory: false })
    expect(calls.lstat).toBe(1)
    expect(memo.realpath('/r/node_modules/linked/index.js')).toBe('/r/node_modules/a/index.js')
    expect(calls.lstat).toBe(3)
  })

  it('lists neither a package folder nor a folder outside node_modules', () => {
    const { memo, calls } = listed()
    expect(memo.stat('/r/node_modules/a/missing.js')).toBeUndefined()
    expect(memo.stat('/r/src/missing.js')).toBeUndefined()
    expect(calls).toEqual({ lstat: 2 })
  })

  it('asks lstat about a name the listing has in another case, or that is not ASCII (a file system may find it)', () => {
    // A case-insensitive host: lstat finds `upper.js` as `Upper.js`, as macOS and Windows do.
    const { memo, calls } = listed({ lstat: (path) => (path.toLowerCase() === '/r/node_modules/upper.js' ? { isFile: true, isDirectory: false, isSymbolicLink: false } : undefined) })
    expect(memo.stat('/r/node_modules/upper.js')).toEqual({ isFile: true, isDirectory: false })
    expect(memo.stat('/r/node_modules/é.js')).toBeUndefined()
    expect(calls.entries).toBe(1)
  })

  it('asks lstat about a name with capitals that the listing has in lowercase, and takes an unrelated name as missing', () => {
    const lstat = vi.fn((path: string) => (path.toLowerCase() === '/r/node_modules/a' ? { isFile: false, isDirectory: true, isSymbolicLink: false } : undefined))
    const { memo } = listed({ lstat })
    expect(memo.stat('/r/node_modules/A')).toEqual({ isFile: false, isDirectory: true })
    expect(lstat).toHaveBeenCalledTimes(1)
    expect(memo.stat('/r/node_modules/B')).toBeUndefined()
    expect(memo.stat('/r/node_modules/upper.json')).toBeUndefined()
    expect(lstat).toHaveBeenCalledTimes(1)
  })

  it('asks lstat when the folder cannot be listed', () => {
    const { memo, calls } = listed({ entries: () => undefined })
    expect(memo.stat('/r/node_modules/a')).toEqual({ isFile: false, isDirectory: true })
    expect(memo.stat('/r/node_modules/a.js')).toBeUndefined()
    expect(calls.lstat).toBe(2)
  })
})
