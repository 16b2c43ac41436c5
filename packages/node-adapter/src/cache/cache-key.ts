import { hash } from 'node:crypto'
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bumped when the layout of an entry's metadata changes. */
const FORMAT = 2

/** Beside the built code: the digest of the code, made by the package's build (see `writeCodeDigest`). */
export const CODE_DIGEST_FILE = 'code-digest.json'

let fingerprint: string | undefined
const prefixes = new Map<string, string>()

/**
 * What the adapter's output depends on besides the source: the entry format, Node's and V8's versions (a code cache
 * is only valid for the V8 that made it) and the adapter's own code. The code is hashed rather than its version
 * read from package.json, so that a changed transform is never answered with what an earlier build made of a file.
 */
function adapterFingerprint(): string {
  if (fingerprint === undefined) {
    const here = fileURLToPath(import.meta.url)
    const root = dirname(dirname(here))
    const code = inPackage(root) ? codeDigest(root) : hash('sha1', readFileSync(here))
    fingerprint = hash('sha1', [String(FORMAT), process.versions.node, process.versions.v8, process.arch, code].join('\0'))
  }
  return fingerprint
}

/**
 * Whether this file is in the package's `dist` (or `src`) folder; otherwise (the adapter bundled into an application's
 * file) that file alone holds the adapter's code, rather than whatever folder it sits in.
 */
function inPackage(root: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(root), 'package.json'), 'utf8')) as { name?: unknown }
    return pkg.name === '@modspace/node-adapter'
  } catch {
    return false // No package.json there: bundled.
  }
}

/** What `writeCodeDigest` stores: the digest, and the size and mtime of each file it was made of. */
interface StoredDigest {
  digest: string
  files: [path: string, size: number, mtimeMs: number][]
}

/**
 * The digest of the code files under `root`. The build stores it (hashing the ~40 files cost each process start
 * ~5 ms of CPU); it is used only while every file it was made of has the size and mtime it had then, so that code
 * rebuilt without that step (`tsc --watch`) or edited by hand is hashed again, never answered from an old entry.
 * Installing a package (npm, a turbo cache) gives its files new mtimes: the first process after that hashes them and
 * stores the digest again with theirs, if it may write there.
 */
export function codeDigest(root: string): string {
  let stored: StoredDigest | undefined
  try {
    stored = JSON.parse(readFileSync(join(root, CODE_DIGEST_FILE), 'utf8')) as StoredDigest
  } catch {
    // Not built by the package's build (`src`, a bare `tsc`): hashed below.
  }
  if (stored && stored.files.every(([path, size, mtimeMs]) => sameVersion(join(root, path), size, mtimeMs))) return stored.digest
  const made = hashCode(root, codeFiles(root))
  if (stored) storeDigest(root, made)
  return made.digest
}

function sameVersion(file: string, size: number, mtimeMs: number): boolean {
  const stat = statSync(file, { throwIfNoEntry: false })
  return stat !== undefined && stat.size === size && stat.mtimeMs === mtimeMs
}

/** Stores the digest of the code under `root` for `codeDigest` (the package's build runs it after `tsc`). */
export function writeCodeDigest(root: string): void {
  writeFileSync(join(root, CODE_DIGEST_FILE), `${JSON.stringify(hashCode(root, codeFiles(root)))}\n`)
}

/**
 * Replaces the stored digest by renaming a whole file over it (another process or thread reads the old one or the new
 * one; a hard link into a package store is replaced, not written through). A read-only install keeps hashing.
 */
function storeDigest(root: string, made: StoredDigest): void {
  const path = join(root, CODE_DIGEST_FILE)
  const temp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  try {
    writeFileSync(temp, `${JSON.stringify(made)}\n`)
    renameSync(temp, path)
  } catch {
    try {
      rmSync(temp, { force: true })
    } catch {
      // Nothing was written.
    }
  }
}

/** Paths below the root, so that a project moved elsewhere keeps its cache. */
function hashCode(root: string, files: string[]): StoredDigest {
  const parts: string[] = []
  const versions: StoredDigest['files'] = []
  for (const file of files) {
    const path = file.slice(root.length + 1)
    const stat = statSync(file)
    parts.push(path, hash('sha1', readFileSync(file)))
    versions.push([path, stat.size, stat.mtimeMs])
  }
  return { digest: hash('sha1', parts.join('\0')), files: versions }
}

function codeFiles(dir: string): string[] {
  const files: string[] = []
  for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = join(dir, item.name)
    if (item.isDirectory()) files.push(...codeFiles(path))
    else if (/\.(js|ts)$/.test(item.name) && !item.name.endsWith('.d.ts')) files.push(path)
  }
  return files
}

/**
 * The digest of a file's text, as loaded (or of its UTF-8 bytes: the same digest): what a cache entry is found by (an
 * edit changes it; a `touch` does not).
 */
export function sourceDigest(source: string | Buffer): string {
  return hash('sha1', source)
}

/**
 * The name of the entry of `kind` (what was cached: a transform, a code cache, export names) for that source: the
 * digest of what the entry depends on besides the source (made once per kind), then the source's digest. Two fixed-
 * length hex digests side by side name one pair only, without a hash of the pair for each file.
 */
export function cacheKey(kind: string, digest: string): string {
  let prefix = prefixes.get(kind)
  if (prefix === undefined) prefixes.set(kind, (prefix = hash('sha1', `${adapterFingerprint()}\0${kind}`)))
  return prefix + digest
}
