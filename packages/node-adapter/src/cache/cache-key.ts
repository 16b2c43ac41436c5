import { hash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Bumped when the layout of an entry's metadata changes. */
const FORMAT = 2

let fingerprint: string | undefined

/**
 * What the adapter's output depends on besides the source: the entry format, Node's and V8's versions (a code cache
 * is only valid for the V8 that made it) and the adapter's own code. The code is hashed rather than its version
 * read from package.json, so that a changed transform is never answered with what an earlier build made of a file
 * (the adapter's folder is ~40 small files: under a millisecond, once per process).
 */
function adapterFingerprint(): string {
  if (fingerprint === undefined) {
    const parts = [String(FORMAT), process.versions.node, process.versions.v8, process.arch]
    // Paths below the package, so that a project moved elsewhere keeps its cache.
    const base = dirname(dirname(fileURLToPath(import.meta.url))).length
    for (const file of adapterFiles()) parts.push(file.slice(base), hash('sha1', readFileSync(file)))
    fingerprint = hash('sha1', parts.join('\0'))
  }
  return fingerprint
}

/**
 * The adapter's code files: its `dist` (or `src`) folder, when this file is in the package; otherwise (the adapter
 * bundled into an application's file) that file alone, which holds the adapter's code, rather than a walk of
 * whatever folder it sits in.
 */
function adapterFiles(): string[] {
  const here = fileURLToPath(import.meta.url)
  const root = dirname(dirname(here))
  try {
    const pkg = JSON.parse(readFileSync(join(dirname(root), 'package.json'), 'utf8')) as { name?: unknown }
    if (pkg.name === '@modspace/node-adapter') return codeFiles(root)
  } catch {
    // No package.json there: bundled.
  }
  return [here]
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

/** The name of the entry of `kind` (what was cached: a transform, a code cache, export names) for that source. */
export function cacheKey(kind: string, digest: string): string {
  return hash('sha1', `${adapterFingerprint()}\0${kind}\0${digest}`)
}
