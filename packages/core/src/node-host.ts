import { lstatSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from 'node:fs'
import type { ModspaceHost } from './host.js'

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
    stat(path) {
      const stat = statSync(path, { throwIfNoEntry: false })
      return stat ? { isFile: stat.isFile(), isDirectory: stat.isDirectory() } : undefined
    },
    realpath(path) {
      try {
        return realpathSync.native(path)
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
    readlink(path) {
      // lstat first: most paths are not links, and a failing readlink costs an exception with a stack.
      if (!lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return undefined
      try {
        return readlinkSync(path)
      } catch {
        return undefined
      }
    },
  }
}
