import type { HostStat, ModspaceHost } from '../host.js'

/** A host whose answers are remembered until `clear()`: safe while the tree does not change (a build, a run). */
export interface MemoHost extends ModspaceHost {
  clear(): void
  /** A JSON file, parsed once; `undefined` when missing or not valid JSON. */
  readJson(path: string): unknown
  /** The package.json at `dir`, parsed, or `undefined`. */
  readPackageJson(dir: string): Record<string, any> | undefined
}

export function createMemoHost(host: ModspaceHost): MemoHost {
  const files = new Map<string, string | undefined>()
  const stats = new Map<string, HostStat | undefined>()
  const reals = new Map<string, string | undefined>()
  const dirs = new Map<string, string[] | undefined>()
  const manifests = new Map<string, Record<string, any> | undefined>()
  const json = new Map<string, unknown>()
  const remember = <T>(cache: Map<string, T>, key: string, read: (key: string) => T): T => {
    if (cache.has(key)) return cache.get(key) as T
    const value = read(key)
    cache.set(key, value)
    return value
  }
  const memo: MemoHost = {
    readFile: (p) => remember(files, p, (k) => host.readFile(k)),
    stat: (p) => remember(stats, p, (k) => host.stat(k)),
    realpath: (p) => remember(reals, p, (k) => host.realpath(k)),
    readdir: (p) => remember(dirs, p, (k) => host.readdir(k)),
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
      for (const cache of [files, stats, reals, dirs, manifests, json]) cache.clear()
    },
  }
  return memo
}
