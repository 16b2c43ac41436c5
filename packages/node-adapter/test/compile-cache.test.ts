import { mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, afterEach, expect, it } from 'vitest'
import { cacheKey, sourceDigest } from '../src/cache/cache-key.js'
import { defaultCacheDir } from '../src/cache/cache-settings.js'
import { decodeEntry, encodeEntry } from '../src/cache/entry-format.js'
import { clearCompileCache, createSpaces, flushCompileCache, ModuleSpace, type CompileCacheSetting } from '../src/index.js'

// The persistent compile cache, in one process: `clearCompileCache()` forgets what the process compiled, as a new
// process would, so that the next load reads the disk. Processes sharing a cache are in compile-cache-processes.test.ts.
const temp = makeTempDir('modspace-disk-cache-')
afterAll(() => temp.cleanup())
afterEach(() => {
  delete process.env.MODSPACE_CACHE
  clearCompileCache()
})

let counter = 0
/** A fresh package with an ES module, a CommonJS module that imports dynamically, and a cache folder of its own. */
function project(files: Record<string, string> = {}) {
  const root = join(temp.dir, `p${++counter}`)
  const all = {
    'package.json': JSON.stringify({ name: `p${counter}`, version: '1.0.0' }),
    'esm.mjs': "import { cjs } from './lib.cjs'\nexport const value = 'esm:' + cjs\n",
    'lib.cjs': "exports.cjs = 'cjs'\nexports.later = () => import('./esm.mjs').then((ns) => ns.value)\n",
    ...files,
  }
  mkdirSync(root)
  for (const [name, text] of Object.entries(all)) writeFileSync(join(root, name), text, { flag: 'w' })
  return { root, cache: join(root, 'cache') }
}

function entriesIn(dir: string): string[] {
  try {
    return readdirSync(dir).map((name) => join(dir, name))
  } catch {
    return []
  }
}

function entryOf(dir: string, kind: string, source: string) {
  return join(dir, cacheKey(kind, sourceDigest(source)))
}

async function load(root: string, cache: CompileCacheSetting | undefined) {
  const spaces = await createSpaces({ spaces: { app: { root: '.' } } }, cache === undefined ? { cwd: root } : { cwd: root, cache })
  const app = spaces.get('app')
  const esm = await app.import('./esm.mjs')
  const later = await app.require('./lib.cjs').later()
  await spaces.dispose()
  flushCompileCache()
  return { value: esm.value, later }
}

it('keeps the transform of each ES module, the code caches and what CommonJS files learned, and loads from them', async () => {
  const { root, cache } = project()
  expect(await load(root, { dir: cache })).toEqual({ value: 'esm:cjs', later: 'esm:cjs' })
  const esmSource = readFileSync(join(root, 'esm.mjs'), 'utf8')
  const cjsSource = readFileSync(join(root, 'lib.cjs'), 'utf8')
  const esm = decodeEntry<{ imports: { specifier: string }[] }>(readFileSync(entryOf(cache, 'esm', esmSource)))!
  expect(esm.meta.imports.map((i) => i.specifier)).toEqual(['./lib.cjs'])
  expect(esm.text).toContain("'esm:' + __ms_i0.cjs")
  expect(esm.data?.length).toBeGreaterThan(0)
  const cjs = decodeEntry<{ imports: number[] }>(readFileSync(entryOf(cache, 'cjs', cjsSource)))!
  expect(cjs.meta.imports).toEqual([cjsSource.indexOf('import(')])
  // A CommonJS file's code cache is made on its second load.
  expect(cjs.data).toBeUndefined()
  expect(decodeEntry<{ exports: string[] }>(readFileSync(entryOf(cache, 'cjs-exports', cjsSource)))!.meta.exports).toEqual(['cjs', 'later'])

  // A second load reads the entries: one whose transform says otherwise shows that it is what runs.
  const forged = esm.text.replace("'esm:'", "'cached:'")
  expect(forged).not.toBe(esm.text)
  writeFileSync(entryOf(cache, 'esm', esmSource), encodeEntry(esm.meta, esm.data, forged))
  clearCompileCache()
  expect(await load(root, { dir: cache })).toEqual({ value: 'cached:cjs', later: 'cached:cjs' })
  expect(decodeEntry(readFileSync(entryOf(cache, 'cjs', cjsSource)))!.data?.length).toBeGreaterThan(0)
})

it('never serves an edited file from the cache, even when its size and mtime are unchanged', async () => {
  const { root, cache } = project()
  expect((await load(root, { dir: cache })).value).toBe('esm:cjs')
  const file = join(root, 'esm.mjs')
  const { mtime } = statSync(file)
  writeFileSync(file, readFileSync(file, 'utf8').replace("'esm:'", "'ESM:'"))
  utimesSync(file, mtime, mtime)
  clearCompileCache()
  expect((await load(root, { dir: cache })).value).toBe('ESM:cjs')
})

it('ignores a truncated or corrupted entry, loads the file, and writes the entry again', async () => {
  const { root, cache } = project()
  await load(root, { dir: cache })
  const entries = entriesIn(cache)
  expect(entries.length).toBe(3)
  entries.forEach((path, i) => {
    const bytes = readFileSync(path)
    if (i % 2) writeFileSync(path, bytes.subarray(0, bytes.length >> 1))
    else writeFileSync(path, Buffer.from(bytes.map((byte, at) => (at === bytes.length - 3 ? byte ^ 0xff : byte))))
    expect(decodeEntry(readFileSync(path))).toBeUndefined()
  })
  clearCompileCache()
  expect(await load(root, { dir: cache })).toEqual({ value: 'esm:cjs', later: 'esm:cjs' })
  for (const path of entries) expect(decodeEntry(readFileSync(path))).toBeDefined()
})

it('keeps the folder under its bound by removing the oldest entries', async () => {
  const { root, cache } = project()
  const stale = join(cache, '00stale')
  mkdirSync(cache, { recursive: true })
  writeFileSync(stale, Buffer.alloc(40_000))
  utimesSync(stale, 1_000, 1_000)
  await load(root, { dir: cache, maxSizeMiB: 30_000 / 2 ** 20 })
  const sizes = entriesIn(cache).map((path) => statSync(path).size)
  expect(entriesIn(cache)).not.toContain(stale)
  expect(sizes.length).toBeGreaterThan(0)
  expect(sizes.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(30_000)
})

it('is off with `cache: false` or MODSPACE_CACHE=0, and moved by MODSPACE_CACHE=<dir>', async () => {
  const off = project()
  await load(off.root, false)
  expect(entriesIn(join(off.root, 'node_modules/.cache/modspace'))).toEqual([])

  const envOff = project()
  process.env.MODSPACE_CACHE = '0'
  await load(envOff.root, { dir: envOff.cache })
  expect(entriesIn(envOff.cache)).toEqual([])

  const moved = project()
  process.env.MODSPACE_CACHE = join(moved.root, 'moved')
  clearCompileCache()
  await load(moved.root, { dir: moved.cache })
  expect(entriesIn(moved.cache)).toEqual([])
  expect(entriesIn(join(moved.root, 'moved')).length).toBe(3)
})

it('defaults to node_modules/.cache/modspace beside the nearest package.json, for config spaces and ad hoc ones', async () => {
  const { root } = project()
  mkdirSync(join(root, 'src/deep'), { recursive: true })
  expect(defaultCacheDir(join(root, 'src/deep'))).toBe(join(root, 'node_modules/.cache/modspace'))
  await load(root, undefined)
  expect(entriesIn(join(root, 'node_modules/.cache/modspace')).length).toBe(3)

  const adhoc = project()
  const space = new ModuleSpace({ root: adhoc.root })
  expect(space.require('./lib.cjs').cjs).toBe('cjs')
  flushCompileCache()
  expect(entriesIn(join(adhoc.root, 'node_modules/.cache/modspace')).length).toBe(1)
})

it('loads as without a cache when its folder cannot be written', async () => {
  const { root } = project()
  const blocked = join(root, 'a-file')
  writeFileSync(blocked, 'not a folder')
  expect(await load(root, { dir: join(blocked, 'cache') })).toEqual({ value: 'esm:cjs', later: 'esm:cjs' })
  clearCompileCache()
  expect(await load(root, { dir: join(blocked, 'cache') })).toEqual({ value: 'esm:cjs', later: 'esm:cjs' })
})

it('links names that Object.prototype has (constructor, toString) from the cache as without it', async () => {
  const { root, cache } = project({
    'esm.mjs': "export { constructor, toString as value } from './names.mjs'\n",
    'names.mjs': "export * from './own.mjs'\n",
    'own.mjs': "export const constructor = 'c'\nexport const toString = 't'\n",
    'lib.cjs': "exports.later = () => import('./esm.mjs').then((ns) => ns.constructor + ns.value)\n",
  })
  expect(await load(root, { dir: cache })).toEqual({ value: 't', later: 'ct' })
  clearCompileCache()
  expect(await load(root, { dir: cache })).toEqual({ value: 't', later: 'ct' })
})

it('finds the entry of a file with a byte order mark and non-ASCII text by its text, whether or not the text was read', async () => {
  const text = "import { cjs } from './lib.cjs'\nexport const value = 'ésm ✓:' + cjs\n"
  const { root, cache } = project({ 'esm.mjs': `\uFEFF${text}` })
  expect((await load(root, { dir: cache })).value).toBe('ésm ✓:cjs')
  const path = entryOf(cache, 'esm', text)
  const entry = decodeEntry(readFileSync(path))!
  writeFileSync(path, encodeEntry(entry.meta, entry.data, entry.text.replace('ésm ✓:', 'cached ✓:')))
  clearCompileCache()
  expect((await load(root, { dir: cache })).value).toBe('cached ✓:cjs')
})
