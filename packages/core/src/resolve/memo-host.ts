import type { EntryType, FileVersion, HostStat, ModspaceHost } from '../host.js'
import { lastPart, parentDir } from './specifier.js'

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
  const listed = createListings(host)
  // With the host's lstat, a path that is not a link itself is its folder's (remembered) real path and its own name:
  // one call answers both its stat and its realpath. Paths with `.` segments go to the host as they are.
  // `null`: not asked (no lstat, or a path it is not used for); `undefined`: nothing there.
  // A trailing slash or `//` would make lstat follow a link (or dirname keep a slash), so those paths are not used
  // either, nor a relative path (its folders are not the ones `parentDir` walks).
  const lstat = (p: string) =>
    !host.lstat || p.charCodeAt(0) !== 47 || p.includes('/.') || p.includes('//') || p.endsWith('/') ? null : remember(links, p, lstatOnce)
  // A folder's listing answers for a folder or a missing name; a file that is there is asked about all the same, for
  // its version (`fileVersion`): it is, nearly always, the answer itself, which an adapter then reads.
  const lstatOnce = (path: string) => {
    const type = listed.typeOf(path)
    if (type === 'directory') return FOLDER
    if (type === MISSING) return undefined
    return host.lstat!(path)
  }
  // A missing file costs the host an exception to say so; the lstat (remembered, and wanted by stat anyway) is cheaper.
  // An installed package's own package.json is all but always there: asking first would be a wasted call per package.
  const readText = (path: string) => (!isInstalledManifest(path) && lstat(path) === undefined ? undefined : host.readFile(path))
  // The readers are made once, not per call: a cold process runs these calls unoptimised, closures and all.
  const statOnce = (path: string): HostStat | undefined => {
    const link = lstat(path)
    // Nothing there for lstat is nothing there for stat: only the last part of a path is not followed.
    if (link === undefined) return undefined
    if (!link || link.isSymbolicLink) return host.stat(path)
    return link.isFile ? FILE_STAT : link.isDirectory ? FOLDER_STAT : OTHER_STAT
  }
  const realpathOnce = (path: string): string | undefined => {
    const link = lstat(path)
    if (link === undefined) return undefined
    if (!link || link.isSymbolicLink) return host.realpath(path)
    const realDir = memo.realpath(parentDir(path))
    if (realDir === undefined) return host.realpath(path)
    return realDir === '/' ? `/${lastPart(path)}` : `${realDir}/${lastPart(path)}`
  }
  const readdirOnce = (path: string) => host.readdir(path)
  const readJsonOnce = (path: string): unknown => {
    // The text itself is not kept: parsed once, only the value is asked for again (a package.json's, mostly).
    const text = files.has(path) ? files.get(path) : readText(path)
    if (text === undefined) return undefined
    try {
      return JSON.parse(text)
    } catch {
      // A broken package.json is not ours to report here; the resolver reports what it cannot read.
      return undefined
    }
  }
  const readPackageJsonOnce = (dir: string): Record<string, any> | undefined => {
    const data = memo.readJson(`${dir === '/' ? '' : dir}/package.json`)
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, any>) : undefined
  }
  const memo: MemoHost = {
    readFile: (p) => remember(files, p, readText),
    stat: (p) => remember(stats, p, statOnce),
    realpath: (p) => remember(reals, p, realpathOnce),
    readdir: (p) => remember(dirs, p, readdirOnce),
    fileVersion: (p) => {
      const link = links.get(p)
      return link && link.isFile && link.mtimeMs !== undefined && link.size !== undefined ? { mtimeMs: link.mtimeMs, size: link.size } : undefined
    },
    readJson: (p) => remember(json, p, readJsonOnce),
    readPackageJson: (dir) => remember(manifests, dir, readPackageJsonOnce),
    clear() {
      for (const cache of [files, stats, reals, dirs, manifests, json, links, listed.cache]) cache.clear()
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
      for (const cache of [files, stats, reals, dirs, manifests, json, links, listed.cache] as Array<Map<string, unknown>>) {
        for (const key of cache.keys()) if (under(key)) cache.delete(key)
      }
    },
  }
  return memo
}

const CAPITAL = /[A-Z]/
const FOLDER = Object.freeze({ isFile: false, isDirectory: true, isSymbolicLink: false })
// What `stat` answers, one frozen object for each kind rather than one per path.
const FILE_STAT: HostStat = Object.freeze({ isFile: true, isDirectory: false })
const FOLDER_STAT: HostStat = Object.freeze({ isFile: false, isDirectory: true })
const OTHER_STAT: HostStat = Object.freeze({ isFile: false, isDirectory: false })
const MISSING = 'missing'

/**
 * What the host's listing of a path's folder says the path is: an entry type, `MISSING`, or `null` when the listing
 * cannot tell (no listing, a folder outside `node_modules`, a name that a case-insensitive or normalising file system
 * could find under another spelling of it in the listing).
 */
function createListings(host: ModspaceHost) {
  const cache = new Map<string, ReadonlyMap<string, EntryType> | undefined>()
  const folded = new WeakMap<ReadonlyMap<string, EntryType>, Set<string>>()
  const typeOf = (path: string): EntryType | typeof MISSING | null => {
    if (!host.entries) return null
    const slash = path.lastIndexOf('/')
    const dir = slash === 0 ? '/' : path.slice(0, slash)
    if (!isModulesFolder(dir)) return null
    let listing = cache.get(dir)
    if (listing === undefined && !cache.has(dir)) cache.set(dir, (listing = host.entries(dir)))
    // Unlisted: missing, not a folder, or not readable (a folder one may enter but not list still has its files).
    if (listing === undefined) return null
    const name = path.slice(slash + 1)
    const type = listing.get(name)
    if (type !== undefined) return type
    return spelledOtherwise(listing, name) ? null : MISSING
  }
  // Another entry whose name differs from `name` by case alone. Entries with capitals are few (a `node_modules`
  // folder has a handful among hundreds), so only theirs are kept lowercased; an all-lowercase entry can only match
  // a `name` with capitals, as its lowercase form.
  const spelledOtherwise = (listing: ReadonlyMap<string, EntryType>, name: string): boolean => {
    for (let i = 0; i < name.length; i++) if (name.charCodeAt(i) > 127) return true
    let capitalised = folded.get(listing)
    if (!capitalised) {
      capitalised = new Set()
      for (const entry of listing.keys()) if (CAPITAL.test(entry)) capitalised.add(entry.toLowerCase())
      folded.set(listing, capitalised)
    }
    const lower = name.toLowerCase()
    return capitalised.has(lower) || (lower !== name && listing.has(lower))
  }
  return { cache, typeOf }
}

/** `…/node_modules` or `…/node_modules/@scope`: the folders whose listing answers for many packages at once. */
function isModulesFolder(dir: string): boolean {
  if (dir.endsWith('/node_modules')) return true
  const slash = dir.lastIndexOf('/')
  return dir.charCodeAt(slash + 1) === 64 && dir.endsWith('/node_modules', slash) && slash > 0
}

/** `…/node_modules/<name>/package.json` or `…/node_modules/@scope/<name>/package.json`. */
export function isInstalledManifest(path: string): boolean {
  if (!path.endsWith('/package.json')) return false
  const dir = parentDir(path)
  const above = parentDir(dir)
  const name = lastPart(dir)
  if (above.endsWith('/node_modules')) return name !== 'node_modules' && !name.startsWith('@')
  return lastPart(above).startsWith('@') && parentDir(above).endsWith('/node_modules')
}

