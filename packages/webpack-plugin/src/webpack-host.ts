import type { ModspaceHost } from '@modspace/core'
import type { Compiler } from 'webpack'

interface SyncStats {
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}

/** The synchronous half of webpack's input file system (enhanced-resolve's CachedInputFileSystem has all of it). */
interface SyncFileSystem {
  readFileSync(path: string): { toString(encoding: 'utf8'): string }
  statSync(path: string): SyncStats
  lstatSync(path: string): SyncStats
  realpathSync(path: string): string
  readdirSync(path: string): unknown[]
  readlinkSync(path: string): { toString(): string }
}

/**
 * The core's file access through webpack's own input file system: webpack reads the same package.json files and
 * stats the same paths, so each side is served from what the other already read (and webpack's watcher purges it).
 * `undefined` when the file system lacks synchronous calls; the core then reads through Node's `fs`.
 */
export function webpackHost(compiler: Compiler): ModspaceHost | undefined {
  const fs = compiler.inputFileSystem as Partial<SyncFileSystem> | null
  const names = ['readFileSync', 'statSync', 'lstatSync', 'realpathSync', 'readdirSync', 'readlinkSync'] as const
  if (!fs || names.some((name) => typeof fs[name] !== 'function')) return undefined
  const sync = fs as SyncFileSystem
  return {
    readFile: (path) => attempt(() => sync.readFileSync(path).toString('utf8')),
    stat(path) {
      const stat = attempt(() => sync.statSync(path))
      return stat ? { isFile: stat.isFile(), isDirectory: stat.isDirectory() } : undefined
    },
    realpath: (path) => attempt(() => sync.realpathSync(path)),
    readdir: (path) => attempt(() => sync.readdirSync(path).map(String)),
    readlink: (path) => (attempt(() => sync.lstatSync(path))?.isSymbolicLink() ? attempt(() => sync.readlinkSync(path).toString()) : undefined),
  }
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}
