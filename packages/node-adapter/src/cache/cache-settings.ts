import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { DiskCache } from './disk-cache.js'

/** Where the persistent compile cache lives, and how large it may grow. */
export interface CompileCacheOptions {
  /** The cache's folder. @default `node_modules/.cache/modspace` of the nearest package.json at or above `cwd` */
  dir?: string
  /** Above this many MiB, the oldest entries are removed. @default 512 */
  maxSizeMiB?: number
}

/** `false` turns the cache off; an object moves or bounds it. The `MODSPACE_CACHE` environment variable comes first. */
export type CompileCacheSetting = false | CompileCacheOptions

const DEFAULT_MAX_MIB = 512
/** One cache per folder in the process, so that every set of spaces on it shares one queue of writes. */
const caches = new Map<string, DiskCache>()

/**
 * The disk cache that `setting` and the environment give, or `undefined` for none. `MODSPACE_CACHE=0` (or `false`,
 * `off`) turns it off and `MODSPACE_CACHE=<dir>` moves it, whatever folder the code names: the environment is the
 * operator's word, as `NODE_COMPILE_CACHE` is for Node's own cache. `cache: false` in the code stays off. Without a
 * package.json above `cwd` there is no default folder (find-cache-dir's rule), so no cache unless one is named.
 */
export function diskCacheFor(setting: CompileCacheSetting | undefined, cwd: string): DiskCache | undefined {
  const env = process.env.MODSPACE_CACHE?.trim()
  if (env && /^(0|false|off)$/i.test(env)) return undefined
  if (setting === false) return undefined
  const dir = env ? resolve(cwd, env) : setting?.dir !== undefined ? resolve(cwd, setting.dir) : defaultCacheDir(cwd)
  if (dir === undefined) return undefined
  const maxBytes = (setting ? (setting.maxSizeMiB ?? DEFAULT_MAX_MIB) : DEFAULT_MAX_MIB) * 2 ** 20
  let cache = caches.get(dir)
  if (!cache || cache.maxBytes !== maxBytes) {
    cache = new DiskCache(dir, maxBytes)
    caches.set(dir, cache)
  }
  return cache
}

/** find-cache-dir's convention: `node_modules/.cache/<name>` beside the nearest package.json at or above `cwd`. */
export function defaultCacheDir(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'node_modules', '.cache', 'modspace')
    if (dirname(dir) === dir) return undefined
  }
}

/** Writes every queued entry of the persistent compile cache now (they are written on their own shortly after a load, and when the process exits). */
export function flushCompileCache(): void {
  for (const cache of caches.values()) cache.flush()
}
