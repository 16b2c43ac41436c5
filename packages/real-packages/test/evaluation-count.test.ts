import { Session } from 'node:inspector/promises'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ModuleSpace } from '@modspace/node-adapter'
import type { Door } from './native/run-reference.js'
import { doorOf, newSpace, packageFiles } from './space-doors.js'

// Counts evaluations with V8's precise coverage (call counts per function of every script): the body of each package
// file runs once in a space, as often in a second space, and never again when the package is loaded once more in the
// same space (through the other door). That the host runs none of them is checked in corpus.test.ts, by its
// require.cache.
// A CommonJS file's body is its compiled function (the range from offset 0); an ES module's is the generator the
// transform wraps it in, `(function* (...`: the range from offset 1 (the script's own top level runs once, when it is
// compiled). V8 leaves out a function that did not run since the last count. JSON files are parsed, not run.
type Coverage = { url: string; functions: { ranges: { startOffset: number; count: number }[] }[] }[]
const session = new Session()
const take = async (): Promise<Coverage> => (await session.post('Profiler.takePreciseCoverage')).result as Coverage
beforeAll(async () => {
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: false })
})
afterAll(async () => {
  await session.post('Profiler.stopPreciseCoverage')
  session.disconnect()
})

/** How many times each file's body ran since the last count, by file. */
function bodies(coverage: Coverage, space: ModuleSpace, files: string[]): Record<string, number> {
  const runs: Record<string, number> = {}
  for (const script of coverage) {
    if (!script.url.startsWith('file:')) continue
    const file = fileURLToPath(script.url)
    if (!files.includes(file)) continue
    const start = space.esmRecords.has(file) ? 1 : 0
    const body = script.functions.find((fn) => fn.ranges[0]?.startOffset === start)
    runs[file] = (runs[file] ?? 0) + (body?.ranges[0]?.count ?? 0)
  }
  return runs
}

const probes: [specifier: string, door: Door][] = [
  ['semver', 'require'],
  ['pino', 'require'],
  ['react-dom/server', 'require'],
  ['chalk', 'import'],
  ['date-fns', 'import'],
  ['vue', 'import'],
  ['yaml', 'import'],
]

describe.each(probes)('%s through %s()', (specifier, door) => {
  const other: Door = door === 'import' ? 'require' : 'import'
  const spaces: ModuleSpace[] = []
  afterAll(async () => Promise.all(spaces.map((space) => space.dispose())))

  it('each file runs once per space', async () => {
    const [a, b] = [newSpace(`count-${specifier}-a`), newSpace(`count-${specifier}-b`)]
    spaces.push(a, b)
    await take()
    await (await doorOf(a, door))(specifier)
    const files = packageFiles(a).filter((file) => !file.endsWith('.json'))
    expect(files.length).toBeGreaterThan(0)
    const first = bodies(await take(), a, files)
    expect(Object.keys(first).sort()).toEqual(files)
    for (const file of files) expect(first[file], file).toBeGreaterThan(0)
    // A CommonJS body is one call; an ES module's generator is entered once per step (to its `yield`, then the rest).
    for (const file of files.filter((f) => a.requireCache[f])) expect(first[file], file).toBe(1)

    await (await doorOf(a, other))(specifier)
    const again = bodies(await take(), a, files)
    expect(Object.values(again).every((count) => count === 0)).toBe(true)

    await (await doorOf(b, door))(specifier)
    const second = bodies(await take(), b, files)
    expect(second).toEqual(first)
  }, 60_000)
})
