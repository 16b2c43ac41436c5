import { afterEach, describe, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

const root = fixture('semantics')
let space: ModuleSpace
afterEach(async () => {
  await space?.dispose()
})
const fresh = () => (space = new ModuleSpace({ parent: undefined, root, delegation: 'self-first' }))
const counter = (name: string) => (globalThis as Record<string, unknown>)[name] as number

describe('ES module semantics', () => {
  it('runs a cycle in Node order, with hoisted functions visible before the body runs', async () => {
    const a = await fresh().import('./cycle-a.js')
    expect(a.seenInA).toBe('b saw a')
    expect(a.roundTrip).toBe('a')
  })

  it('keeps two statements apart where a line break after an import or export ended the first, as Node does', async () => {
    const ns = await fresh().import('./asi-after-export.js')
    expect(Object.keys(ns)).toEqual(['a', 'b', 'imported'])
    expect((globalThis as Record<string, unknown>).__modspaceAsi).toBe('ran')
  })

  it('evaluates a module with top-level await once for concurrent importers', async () => {
    const space = fresh()
    const before = counter('__modspaceTla') ?? 0
    const [one, two] = await Promise.all([space.import('./uses-tla.js'), space.import('./tla.js')])
    expect(one.sawReady).toBe(true)
    expect(two.ready).toBe(true)
    expect(counter('__modspaceTla')).toBe(before + 1)
  })

  it('finishes two concurrent imports that enter one cycle through different modules, behind top-level await', async () => {
    const space = fresh()
    const [a, b] = await Promise.all([space.import('./cycle-tla-a.js'), space.import('./cycle-tla-b.js')])
    expect([a.a, a.seen, b.readA()]).toEqual(['a', 'b', 'a'])
  })

  it('keeps the error of a module that threw, as Node does: importing it again throws the same error, nothing runs again', async () => {
    const space = fresh()
    ;(globalThis as Record<string, unknown>).__modspaceThrows = 0
    const first = await space.import('./imports-thrower.js').catch((e: Error) => e)
    expect((first as Error).message).toBe('first load fails')
    await expect(space.import('./imports-thrower.js')).rejects.toBe(first)
    await expect(space.import('./throws-once.js')).rejects.toBe(first)
    expect(counter('__modspaceThrows')).toBe(1)
  })

  it("names the module's file and line in the stack of an error it throws", async () => {
    const space = fresh()
    ;(globalThis as Record<string, unknown>).__modspaceThrows = 0
    const error = await space.import('./throws-once.js').catch((e: Error) => e)
    expect(String((error as Error).stack)).toContain(`${fixture('semantics')}/throws-once.js:2:`)
  })

  it('re-exports with export * (not default), export * as and renamed re-exports', async () => {
    const star = await fresh().import('./star.js')
    expect(Object.keys(star)).toEqual(['all', 'default', 'renamed', 'x', 'y'])
    expect(star.all.default).toBe('not re-exported by export *')
    expect(star.renamed).toBe(1)
    expect(typeof star.default).toBe('function')
  })

  it('rewrites only references to imports, never shadowed names, keys or fields', async () => {
    const shadow = await fresh().import('./shadow.js')
    expect(shadow.results).toEqual([5, 1, 'field', 7, 1])
  })

  it('fails as Node does on a missing named export, in its words, the importer heading the stack', async () => {
    const error = await fresh().import('./missing-export.js').catch((e: Error) => e)
    expect(error).toBeInstanceOf(SyntaxError)
    expect(String(error)).toMatch(/^SyntaxError: The requested module '[^']+' does not provide an export named 'nope'$/)
    expect((error as Error).stack).toMatch(/^file:\/\/\/.*\/missing-export\.js:\d+\n/)
  })

  it('resolves package "imports" (#specifiers) with the import or require condition by kind', async () => {
    const space = fresh()
    expect((await space.import('./imports-field.js')).flavour).toBe('import')
    expect(space.require('./imports-field.cjs').flavour).toBe('require')
  })

  it('detects ESM syntax in a .js file whose package.json has no "type"', async () => {
    expect((await fresh().import('./no-type/detected.js')).detected).toBe('esm by syntax')
  })
})

describe('CommonJS semantics', () => {
  it('gives a cycle the partial exports, as Node does', () => {
    expect(fresh().require('./cjs-cycle.cjs').otherSaw).toBe('early')
  })

  it('refuses require() of a graph with top-level await', () => {
    expect(() => fresh().require('./requires-tla.cjs')).toThrow(expect.objectContaining({ code: 'ERR_REQUIRE_ASYNC_MODULE' }))
  })

  it('lets require.cache be emptied to load a module again, in this space only', () => {
    const space = fresh()
    const first = space.require('./cjs-cycle.cjs')
    const file = space.resolve('./cjs-cycle.cjs', { kind: 'require' })
    expect(space.require('./cjs-cycle.cjs')).toBe(first)
    delete space.requireCache[file]
    expect(space.require('./cjs-cycle.cjs')).not.toBe(first)
  })
})
