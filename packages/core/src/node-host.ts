import { lstatSync, readFileSync, readdirSync, realpathSync, statSync } from 'node:fs'
import type { EntryType, ModspaceHost } from './host.js'

/** The default host: Node's synchronous `fs`, with "does not exist" as `undefined` rather than an exception. */
export function createNodeHost(): ModspaceHost {
  return {
    readFile(path) {
      try {
        return readFileSync(path, 'utf8')
      } catch {
        return undefined
      }
    },
    // `throwIfNoEntry` covers ENOENT only: a file used as a folder (ENOTDIR), a link loop (ELOOP) or a folder we may
    // not read (EACCES) is "nothing there" for resolution too, as Node's own resolution treats it.
    stat(path) {
      try {
        const stat = statSync(path, { throwIfNoEntry: false })
        return stat ? { isFile: stat.isFile(), isDirectory: stat.isDirectory() } : undefined
      } catch {
        return undefined
      }
    },
    lstat(path) {
      try {
        const stat = lstatSync(path, { throwIfNoEntry: false })
        return stat
          ? { isFile: stat.isFile(), isDirectory: stat.isDirectory(), isSymbolicLink: stat.isSymbolicLink(), mtimeMs: stat.mtimeMs, size: stat.size }
          : undefined
      } catch {
        return undefined
      }
    },
    realpath(path) {
      try {
        return realpathSync.native(path)
      } catch {
        return undefined
      }
    },
    entries(path) {
      try {
        const entries = new Map<string, EntryType>()
        for (const entry of readdirSync(path, { withFileTypes: true })) {
          entries.set(entry.name, entry.isFile() ? 'file' : entry.isDirectory() ? 'directory' : entry.isSymbolicLink() ? 'symlink' : 'other')
        }
        return entries
      } catch {
        return undefined
      }
    },
    readdir(path) {
      try {
        return readdirSync(path)
      } catch {
        return undefined
      }
    },
  }
}
