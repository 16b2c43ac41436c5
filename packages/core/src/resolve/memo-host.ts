import type { HostStat, ModspaceHost } from '../host.js'

/** A host whose answers are remembered until `clear()`: safe while the tree does not change (a build, a run). */
export interface MemoHost extends ModspaceHost {
  clear(): void
  /** The package.json at `dir`, parsed, or `undefined`. */
  readPackageJson(dir: string): Record<string, any> | undefined
}

export function createMemoHost(host: ModspaceHost): MemoHost {
  const files = new Map<string, string | undefined>()
  const stats = new Map<string, HostStat | undefined>()
  const reals = new Map<string, string | undefined>()
  const dirs = new Map<string, string[] | undefined>()
  const links = new Map<string, string | undefined>()
  const manifests = new Map<string, Record<string, any> | undefined>()
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
    readlink: (p) => remember(links, p, (k) => host.readlink(k)),
    readPackageJson: (dir) =>
      remember(manifests, dir, (k) => {
        const text = memo.readFile(`${k === '/' ? '' : k}/package.json`)
        if (text === undefined) return undefined
        try {
          const data = JSON.parse(text)
          return data && typeof data === 'object' ? data : undefined
        } catch {
          // A broken package.json is not ours to report here; Node's resolution will surface it.
          return undefined
        }
      }),
    clear() {
      for (const cache of [files, stats, reals, dirs, links, manifests]) cache.clear()
    },
  }
  return memo
}
