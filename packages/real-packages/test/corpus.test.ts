import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect } from 'vitest'
import type { ModuleSpace } from '@modspace/node-adapter'
import { cases } from './cases.js'
import { testFor } from './known-failures.js'
import { prefetch, reference, type Door } from './native/run-reference.js'
import { instanceOf, newSpace, packageFiles, runInSpace, type Outcome } from './space-doors.js'

// Each package of the corpus, through import() and through require() (Node 24's require(esm) for the ES-module-only
// ones): (a) the operation gives what plain Node gives; (b) two spaces each hold one instance of every file Node
// loaded for it, and the host's require.cache gains none of them (evaluation-count.test.ts counts the runs). Native addons are the one exception, by design: the `.node` file
// is loaded once per process by the host (docs/spec.md, rule 5); the JavaScript around it is the space's.
const hostCache = createRequire(import.meta.url).cache
const doors: Door[] = ['import', 'require']
const TIMEOUT = 120_000
const isObject = (value: unknown) => (typeof value === 'object' && value !== null) || typeof value === 'function'
prefetch(cases.flatMap((item) => doors.map((door): [string, Door] => [item.specifier, door])))

for (const item of cases) {
  describe(`${item.specifier} (${item.pattern})`, () => {
    describe.each(doors)('%s()', (door) => {
      const spaces: ModuleSpace[] = []
      let hostBefore = new Set<string>()
      beforeAll(() => void (hostBefore = new Set(Object.keys(hostCache))))
      afterAll(async () => Promise.all(spaces.map((space) => space.dispose())))
      const open = (label: string): ModuleSpace => {
        const space = newSpace(`${item.specifier.replace(/\W/g, '-')}-${door}-${label}`)
        spaces.push(space)
        return space
      }
      let first: Promise<Outcome & { space: ModuleSpace }> | undefined
      const runFirst = () => (first ??= (async () => { const space = open('a'); return { space, ...(await runInSpace(space, item, door)) } })())

      testFor(item.specifier, door, 'result')('the same result as plain Node', async () => {
        const [native, own] = await Promise.all([reference(item.specifier, door), runFirst()])
        expect(native.error).toBeUndefined()
        expect({ shape: own.shape, value: own.value, error: own.error }).toEqual({ shape: native.shape, value: native.value, error: undefined })
      }, TIMEOUT)

      testFor(item.specifier, door, 'isolation')('two spaces, each with one instance of every file Node loaded, none in the host', async () => {
        const [native, a] = await Promise.all([reference(item.specifier, door), runFirst()])
        const b = open('b')
        expect((await runInSpace(b, item, door)).error).toBeUndefined()
        const files = packageFiles(a.space)
        expect(files).toEqual(native.files)
        expect(packageFiles(b)).toEqual(files)
        // A native addon's exports are the host's one instance (docs/spec.md, rule 5): the only object two spaces share.
        const addons = new Set(Object.keys(hostCache).filter((id) => id.endsWith('.node')).map((id) => hostCache[id]!.exports))
        const shared = files.filter((file) => isObject(instanceOf(a.space, file)) && instanceOf(a.space, file) === instanceOf(b, file))
        expect(shared.filter((file) => !addons.has(instanceOf(a.space, file)))).toEqual([])
        expect(shared.length > 0).toBe(item.addon === true)
        const inHost = Object.keys(hostCache).filter((id) => !hostBefore.has(id) && native.files.includes(id))
        expect(inHost).toEqual([])
      }, TIMEOUT)
    })
  })
}
