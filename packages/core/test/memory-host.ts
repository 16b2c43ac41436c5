import { dirname } from 'node:path'
import type { EntryType, ModspaceHost } from '../src/host.js'

/** A file tree in memory: `{ '/a/package.json': '{...}' }`. Symlinks are `{ link: '/target' }`. */
export type MemoryTree = Record<string, string | { link: string }>

/** A host with no disk behind it, to show that the core reads files only through the host. */
export function createMemoryHost(tree: MemoryTree): ModspaceHost & { reads: string[] } {
  const files = new Map<string, string>()
  const links = new Map<string, string>()
  const dirs = new Set<string>(['/'])
  for (const [path, value] of Object.entries(tree)) {
    if (typeof value === 'string') files.set(path, value)
    else links.set(path, value.link)
    for (let d = dirname(path); !dirs.has(d); d = dirname(d)) dirs.add(d)
  }
  const real = (path: string): string => {
    for (const [from, to] of links) {
      if (path === from || path.startsWith(`${from}/`)) return real(to + path.slice(from.length))
    }
    return path
  }
  const reads: string[] = []
  return {
    reads,
    readFile: (p) => (reads.push(p), files.get(real(p))),
    stat: (p) => {
      const r = real(p)
      if (files.has(r)) return { isFile: true, isDirectory: false }
      if (dirs.has(r)) return { isFile: false, isDirectory: true }
      return undefined
    },
    realpath: (p) => {
      const r = real(p)
      return files.has(r) || dirs.has(r) ? r : undefined
    },
    readdir: (p) => {
      const r = real(p)
      if (!dirs.has(r)) return undefined
      const names = new Set<string>()
      for (const path of [...files.keys(), ...dirs, ...links.keys()]) {
        if (path !== r && dirname(path) === r) names.add(path.slice(r.length + 1))
      }
      return [...names]
    },
  }
}

/**
 * The memory host with the optional `lstat` and `entries` a disk host gives (links not followed in the last part),
 * counting the calls made of each operation.
 */
export function createListingHost(tree: MemoryTree): ModspaceHost & { calls: Record<string, number> } {
  const base = createMemoryHost(tree)
  const calls: Record<string, number> = {}
  const count = <A extends unknown[], R>(name: string, fn: (...args: A) => R) => (...args: A): R => {
    calls[name] = (calls[name] ?? 0) + 1
    return fn(...args)
  }
  const isLink = (path: string) => typeof tree[path] === 'object'
  // What the path's last part is, reached through the real path of its folder.
  const own = (path: string): EntryType | undefined => {
    if (isLink(path)) return 'symlink'
    const real = base.realpath(dirname(path))
    const stat = real === undefined ? undefined : base.stat(`${real === '/' ? '' : real}/${path.slice(dirname(path).length + 1)}`)
    return stat && (stat.isFile ? 'file' : 'directory')
  }
  return {
    calls,
    readFile: count('readFile', base.readFile),
    stat: count('stat', base.stat),
    realpath: count('realpath', base.realpath),
    readdir: count('readdir', base.readdir),
    lstat: count('lstat', (path: string) => {
      const type = own(path)
      return type && { isFile: type === 'file', isDirectory: type === 'directory', isSymbolicLink: type === 'symlink' }
    }),
    entries: count('entries', (path: string) => {
      const names = base.readdir(path)
      return names && new Map(names.map((name) => [name, own(`${path === '/' ? '' : path}/${name}`)!]))
    }),
  }
}
