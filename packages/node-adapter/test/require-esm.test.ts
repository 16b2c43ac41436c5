import { describe, expect, it } from 'vitest'
import { inSpace, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// Each fixture script runs through Node's own loader and as the entry of a fresh space: the data must match.
const root = fixture('require-esm')

describe('require(esm) as in Node 24', () => {
  it("gives the namespace, with __esModule: true when there is a default export, or the 'module.exports' export", async () => {
    const expected = native(root, 'shapes.cjs') as Record<string, any>
    expect(expected.shapes['./with-default.mjs'].keys).toEqual(['Level', '__esModule', 'default', 'level'])
    expect(expected.tsc).toBe('painted x')
    expect(await inSpace(root, 'shapes.cjs')).toEqual(expected)
  }, 30_000)

  it('refuses a cycle ESM -> CommonJS -> require(ESM) entered by import(), and keeps the error', async () => {
    const expected = native(root, 'cycle/import-first.mjs') as Record<string, any>
    expect(expected.first.code).toBe('ERR_REQUIRE_CYCLE_MODULE')
    expect(await inSpace(root, 'cycle/import-first.mjs')).toEqual(expected)
  }, 30_000)

  it('refuses the cycle entered by require() of the ES module', async () => {
    const expected = native(root, 'cycle/require-esm-first.cjs') as Record<string, any>
    expect(expected.first.code).toBe('ERR_REQUIRE_CYCLE_MODULE')
    expect(await inSpace(root, 'cycle/require-esm-first.cjs')).toEqual(expected)
  }, 30_000)

  it('refuses the cycle entered by require() of the CommonJS module, and runs it again on retry', async () => {
    const expected = native(root, 'cycle/require-cjs-first.cjs') as Record<string, any>
    expect(expected.first.code).toBe('ERR_REQUIRE_CYCLE_MODULE')
    expect(await inSpace(root, 'cycle/require-cjs-first.cjs')).toEqual(expected)
  }, 30_000)

  it('refuses a graph with top-level await with ERR_REQUIRE_ASYNC_MODULE, before and after import() evaluated it', async () => {
    const expected = native(root, 'cycle/require-tla.cjs') as Record<string, any>
    expect(expected.tla.first.code).toBe('ERR_REQUIRE_ASYNC_MODULE')
    expect(await inSpace(root, 'cycle/require-tla.cjs')).toEqual(expected)
  }, 30_000)
})
