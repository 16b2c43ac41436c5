import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { makeTempDir } from '@modspace/test-utils'
import { afterAll, expect, it } from 'vitest'
import { decodeEntry, encodeEntry } from '../src/cache/entry-format.js'

// The persistent compile cache across processes, as it is used: each process loads a small tree through the built
// adapter with DEBUG=modspace:cache, whose lines say which entries were read ("hit") or not ("miss").
const run = promisify(execFile)
const temp = makeTempDir('modspace-cache-processes-')
afterAll(() => temp.cleanup())
const adapter = fileURLToPath(new URL('../dist/index.js', import.meta.url))

const root = join(temp.dir, 'tree')
mkdirSync(root)
writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'tree', version: '1.0.0' }))
for (let i = 0; i < 8; i++) {
  writeFileSync(join(root, `m${i}.mjs`), `import { c } from './c${i}.cjs'\nexport const m = ${i} + c\nexport function f() { return m * 2 }\n`)
  writeFileSync(join(root, `c${i}.cjs`), `exports.c = ${i}\nexports.load = () => import('./m${i}.mjs')\n`)
}
writeFileSync(join(root, 'main.mjs'), Array.from({ length: 8 }, (_, i) => `export * as m${i} from './m${i}.mjs'\n`).join(''))
const script = `
import { createSpaces } from ${JSON.stringify(adapter)}
const spaces = await createSpaces({ spaces: { app: { root: '.' } } }, { cwd: ${JSON.stringify(root)}, cache: { dir: process.argv[1] } })
const ns = await spaces.get('app').import('./main.mjs')
const loaded = await spaces.get('app').require('./c3.cjs').load()
console.log(JSON.stringify([ns.m7.f(), loaded.m]))
`

async function loadIn(cache: string) {
  const { stdout, stderr } = await run(process.execPath, ['--input-type=module', '-e', script, cache], {
    cwd: root,
    env: { ...process.env, DEBUG: 'modspace:cache', DEBUG_COLORS: '0', MODSPACE_CACHE: '' },
  })
  const count = (word: string) => stderr.split('\n').filter((line) => line.includes(` ${word} `)).length
  return { result: JSON.parse(stdout), hits: count('hit'), misses: count('miss') }
}

function entries(dir: string): string[] {
  return readdirSync(dir).map((name) => join(dir, name))
}

it('writes the cache in the first process and reads every entry from it in the next', async () => {
  const cache = join(temp.dir, 'warm')
  const first = await loadIn(cache)
  expect(first).toMatchObject({ result: [28, 6], hits: 0 })
  expect(first.misses).toBeGreaterThan(0)
  const second = await loadIn(cache)
  expect(second).toEqual({ result: [28, 6], hits: first.misses, misses: 0 })
})

it('stays whole when several processes fill the same empty cache at once', async () => {
  const cache = join(temp.dir, 'shared')
  const results = await Promise.all(Array.from({ length: 4 }, () => loadIn(cache)))
  for (const { result } of results) expect(result).toEqual([28, 6])
  const written = entries(cache)
  expect(written.filter((path) => path.endsWith('.tmp'))).toEqual([])
  for (const path of written) expect(decodeEntry(readFileSync(path))).toBeDefined()
  expect((await loadIn(cache)).misses).toBe(0)
})

it('writes a code cache again when V8 rejects it', async () => {
  const cache = join(temp.dir, 'rejected')
  await loadIn(cache)
  // A CommonJS file's code cache is made on its second load.
  await loadIn(cache)
  const junk = Buffer.alloc(64, 7)
  const withCode = entries(cache).filter((path) => decodeEntry(readFileSync(path))!.data)
  expect(withCode.length).toBe(17)
  for (const path of withCode) {
    const { meta, text } = decodeEntry(readFileSync(path))!
    writeFileSync(path, encodeEntry(meta, junk, text))
  }
  expect((await loadIn(cache)).result).toEqual([28, 6])
  for (const path of withCode) expect(decodeEntry(readFileSync(path))!.data!.equals(junk)).toBe(false)
})
