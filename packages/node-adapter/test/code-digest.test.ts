import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { cacheKey, CODE_DIGEST_FILE, codeDigest, sourceDigest, writeCodeDigest } from '../src/cache/cache-key.js'

// The digest of the adapter's code, which every cache key depends on: stored by the build, used only while it is still
// of the code as it is on disk.
const temp = makeTempDir('modspace-code-digest-')
afterAll(() => temp.cleanup())

let counter = 0
function builtCode() {
  const root = join(temp.dir, `dist${++counter}`)
  mkdirSync(join(root, 'cache'), { recursive: true })
  writeFileSync(join(root, 'index.js'), 'export const a = 1\n')
  writeFileSync(join(root, 'cache', 'key.js'), 'export const b = 2\n')
  writeFileSync(join(root, 'index.d.ts'), 'export declare const a: number\n')
  return root
}

/** Replaces the stored digest with a marker, so that a test can tell whether it was used. */
function markStored(root: string) {
  const path = join(root, CODE_DIGEST_FILE)
  const stored = JSON.parse(readFileSync(path, 'utf8')) as { digest: string }
  writeFileSync(path, JSON.stringify({ ...stored, digest: 'stored' }))
  return stored.digest
}

it('uses the digest the build stored while the code is as it was built', () => {
  const root = builtCode()
  const hashed = codeDigest(root)
  writeCodeDigest(root)
  expect(markStored(root)).toBe(hashed)
  expect(codeDigest(root)).toBe('stored')
})

it('hashes the code again when a file changed after the build stored its digest', () => {
  // Same size, later mtime (`tsc --watch` rewrote it without the build's last step).
  const rewritten = builtCode()
  writeCodeDigest(rewritten)
  const built = markStored(rewritten)
  const later = new Date(Date.now() + 60_000)
  writeFileSync(join(rewritten, 'cache', 'key.js'), 'export const b = 3\n')
  utimesSync(join(rewritten, 'cache', 'key.js'), later, later)
  expect(codeDigest(rewritten)).not.toBe('stored')
  expect(codeDigest(rewritten)).not.toBe(built)
  // Same mtime, other size.
  const resized = builtCode()
  const file = join(resized, 'index.js')
  const earlier = new Date(Date.now() - 60_000)
  utimesSync(file, earlier, earlier)
  writeCodeDigest(resized)
  markStored(resized)
  writeFileSync(file, 'export const a = 10\n')
  utimesSync(file, earlier, earlier)
  expect(codeDigest(resized)).not.toBe('stored')
})

it('stores the digest again with the versions of files installed anew, and uses it from then on', () => {
  const root = builtCode()
  writeCodeDigest(root)
  const built = markStored(root)
  // What an install does: the same files, other mtimes.
  const later = new Date(Date.now() + 60_000)
  utimesSync(join(root, 'index.js'), later, later)
  expect(codeDigest(root)).toBe(built)
  expect(markStored(root)).toBe(built)
  expect(codeDigest(root)).toBe('stored')
})

it('hashes the code again when a file the digest was made of is gone', () => {
  const root = builtCode()
  writeCodeDigest(root)
  markStored(root)
  writeFileSync(join(root, CODE_DIGEST_FILE), readFileSync(join(root, CODE_DIGEST_FILE), 'utf8').replace('index.js', 'gone.js'))
  expect(codeDigest(root)).not.toBe('stored')
})

it('ignores a stored digest that does not parse', () => {
  const root = builtCode()
  const hashed = codeDigest(root)
  writeFileSync(join(root, CODE_DIGEST_FILE), '{"digest": "x", "fi')
  expect(codeDigest(root)).toBe(hashed)
})

it('names an entry by both digests: another kind or another source is another name', () => {
  const a = sourceDigest('a')
  expect(cacheKey('cjs', a)).toMatch(/^[0-9a-f]{80}$/)
  expect(cacheKey('cjs', a)).toBe(cacheKey('cjs', a))
  expect(cacheKey('esm', a)).not.toBe(cacheKey('cjs', a))
  expect(cacheKey('cjs', sourceDigest('b'))).not.toBe(cacheKey('cjs', a))
})

it('the package build stores the digest of its dist', () => {
  const dist = join(import.meta.dirname, '..', 'dist')
  const stored = JSON.parse(readFileSync(join(dist, CODE_DIGEST_FILE), 'utf8')) as { digest: string }
  expect(codeDigest(dist)).toBe(stored.digest)
})
