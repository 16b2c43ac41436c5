/** What a path is, as far as resolution cares. */
export interface HostStat {
  isFile: boolean
  isDirectory: boolean
}

/**
 * File access for the core, passed in rather than imported so that the algorithm stays pure and synchronous.
 * Every method returns `undefined` for a path that does not exist instead of throwing.
 */
export interface ModspaceHost {
  readFile(path: string): string | undefined
  stat(path: string): HostStat | undefined
  /** The canonical path with every symlink resolved. */
  realpath(path: string): string | undefined
  readdir(path: string): string[] | undefined
  /**
   * Optional: what the path itself is, without following a symlink in its last part. With it, the core answers
   * `stat` and `realpath` of a plain file with this one call (a folder's real path is remembered), instead of a
   * `stat` and a `realpath` that checks every folder of the path again.
   */
  lstat?(path: string): (HostStat & { isSymbolicLink: boolean } & Partial<FileVersion>) | undefined
}

/**
 * A file's version as `lstat` saw it, when the host gives it: what an adapter that keeps compiled files checks them
 * against (the Node host does; `MemoHost.fileVersion` hands it on).
 */
export interface FileVersion {
  mtimeMs: number
  size: number
}
