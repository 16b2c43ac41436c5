import { basename } from 'node:path'
import type { FileVersion, HostStat, ModspaceHost } from '../host.js'
import { parentDir } from './specifier.js'

/** A host whose answers are remembered until `clear()`: safe while the tree does not change (a build, a run). */
export interface MemoHost extends ModspaceHost {
  clear(): void
  /** Forgets what was read in these folders and under them (disposed spaces' roots). */
  forget(folders: ReadonlySet<string>): void
  /** A JSON file, parsed once; `undefined` when missing or not valid JSON. */
  readJson(path: string): unknown
  /** The package.json at `dir`, parsed, or `undefined`. */
  readPackageJson(dir: string): Record<string, any> | undefined
  /**
   * The version (mtime, size) of a file as the host's `lstat` saw it while resolving, or `undefined` when it was not
   * seen that way (no `lstat`, a link, a path never resolved): the caller then asks the file system itself.
   */
  fileVersion(path: string): FileVersion | undefined
}

export function createMemoHost(host: ModspaceHost): MemoHost {
  const files = new Map<string, string | undefined>()
  const stats = new Map<string, HostStat | undefined>()
  const reals = new Map<string, string | undefined>()
  const dirs = new Map<string, string[] | undefined>()
  const manifests = new Map<string, Record<string, any> | undefined>()
  const json = new Map<string, unknown>()
  const remember = <T>(cache: Map<string, T>, key: string, read: (key: string) => T): T => {
    const hit = cache.get(key)
    // One lookup for the usual hit; `has` only to tell a remembered `undefined` from a miss.
    if (hit !== undefined || cache.has(key)) return hit as T
    const value = read(key)
    cache.set(key, value)
    return value
  }
  const links = new Map<string, ReturnType<NonNullable<ModspaceHost['lstat']>>>()
  // With the host's lstat, a path that is not a link itself is its folder's (remembered) real path and its own name:
  // one call answers both its stat and its realpath. Paths with `.` segments go to the host as they are.
  // `null`: not asked (no lstat, or a path it is not used for); `undefined`: nothing there.
  // A trailing slash or `//` would make lstat follow a link (or dirname keep a slash), so those paths are not used
  // either, nor a relative path (its folders are not the ones `parentDir` walks).
  const lstat = (p: string) =>
    !host.lstat || p.charCodeAt(0) !== 47 || p.includes('/.') || p.includes('//') || p.endsWith('/') ? null : remember(links, p, (k) => host.lstat!(k))
  const memo: MemoHost = {
    // A missing file costs the host an exception to say so; the lstat (remembered, and wanted by stat anyway) is cheaper.
    // An installed package's own package.json is all but always there: asking first would be a wasted call per package.
    readFile: (p) => remember(files, p, (k) => (!isInstalledManifest(k) && lstat(k) === undefined ? undefined : host.readFile(k))),
    stat: (p) =>
      remember(stats, p, (k) => {
        const link = lstat(k)
        // Nothing there for lstat is nothing there for stat: only the last part of a path is not followed.
        if (link === undefined) return undefined
        return link && !link.isSymbolicLink ? { isFile: link.isFile, isDirectory: link.isDirectory } : host.stat(k)
      }),
    realpath: (p) =>
      remember(reals, p, (k) => {
        const link = lstat(k)
        if (link === undefined) return undefined
        if (!link || link.isSymbolicLink) return host.realpath(k)
        const dir = parentDir(k)
        const realDir = memo.realpath(dir)
        if (realDir === undefined) return host.realpath(k)
        return realDir === '/' ? `/${basename(k)}` : `${realDir}/${basename(k)}`
      }),
    readdir: (p) => remember(dirs, p, (k) => host.readdir(k)),
    fileVersion: (p) => {
      const link = links.get(p)
      return link && link.isFile && link.mtimeMs !== undefined && link.size !== undefined ? { mtimeMs: link.mtimeMs, size: link.size } : undefined
    },
    readJson: (p) =>
      remember(json, p, (k) => {
        const text = memo.readFile(k)
        if (text === undefined) return undefined
        try {
          return JSON.parse(text)
        } catch {
          // A broken package.json is not ours to report here; the resolver reports what it cannot read.
          return undefined
        }
      }),
    readPackageJson: (dir) =>
      remember(manifests, dir, (k) => {
        const data = memo.readJson(`${k === '/' ? '' : k}/package.json`)
        return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, any>) : undefined
      }),
    clear() {
      for (const cache of [files, stats, reals, dirs, manifests, json, links]) cache.clear()
    },
    forget(folders) {
      // One pass over every cache, each key checked by its folders (a few Set lookups), whatever the number of folders.
      const under = (path: string): boolean => {
        for (let dir = path; ; ) {
          if (folders.has(dir)) return true
          const up = parentDir(dir)
          if (up === dir) return false
          dir = up
        }
      }
      for (const cache of [files, stats, reals, dirs, manifests, json, links] as Array<Map<string, unknown>>) {
        for (const key of cache.keys()) if (under(key)) cache.delete(key)
      }
    },
  }
  return memo
}

/** `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`. */
export function isInstalledManifest(path: string): boolean {
  if (!path.endsWith('/package.json')) return false
  const dir = parentDir(path)
  const above = parentDir(dir)
  if (above.endsWith('/node_modules')) return basename(dir) !== 'node_modules' && !basename(dir).startsWith('@')
  return basename(above).startsWith('@') && parentDir(above).endsWith('/node_modules')
}
