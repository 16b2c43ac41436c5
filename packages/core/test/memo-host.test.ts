import { dirname } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ModspaceHost } from '../src/host.js'
import { createMemoHost } from '../src/resolve/memo-host.js'
import { createMemoryHost, type MemoryTree } from './memory-host.js'

/** The memory host with the optional `lstat`, counting the calls made of each operation. */
function withLstat(tree: MemoryTree) {
  const base = createMemoryHost(tree)
  const calls: Record<string, number> = {}
  const count = <A extends unknown[], R>(name: string, fn: (...args: A) => R) => (...args: A): R => {
    calls[name] = (calls[name] ?? 0) + 1
    return fn(...args)
  }
  const isLink = (path: string) => typeof tree[path] === 'object'
  const host: ModspaceHost = {
    readFile: count('readFile', base.readFile),
    stat: count('stat', base.stat),
    realpath: count('realpath', base.realpath),
    readdir: count('readdir', base.readdir),
    lstat: count('lstat', (path: string) => {
      if (isLink(path)) return { isFile: false, isDirectory: false, isSymbolicLink: true }
      // The last part is not a link: what it is, reached through the real path of its folder.
      const real = base.realpath(dirname(path))
      const stat = real === undefined ? undefined : base.stat(`${real}/${path.slice(dirname(path).length + 1)}`)
      return stat && { ...stat, isSymbolicLink: false }
    }),
  }
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
