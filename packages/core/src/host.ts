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
  /**
   * Optional: every entry of a folder and what it is, links not followed (`undefined` when the folder cannot be
   * listed). A host that gives it promises the listing is complete: the core then takes a name missing from its
   * folder's listing as missing, and answers "is this a folder" from it, instead of one `lstat` per question. The core
   * lists only `node_modules` folders and their `@scope` folders: one listing answers for every package installed
   * there (does `x` exist, is it a folder, is there an `x.js` beside it), and what is installed does not change
   * while a build or a run reads it. A listing costs several `lstat`s, so the folders of a package are not listed.
   * Used only by a host that also gives `lstat`, which answers for a file that is there and for a link.
   */
  entries?(path: string): ReadonlyMap<string, EntryType> | undefined
}

/** What a folder entry is, its last part not followed. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'other'

/**
 * A file's version as `lstat` saw it, when the host gives it: what an adapter that keeps compiled files checks them
 * against (the Node host does; `MemoHost.fileVersion` hands it on).
 */
export interface FileVersion {
  mtimeMs: number
  size: number
}
