import { describe, expect, it } from 'vitest'
import { inSpace, native } from './compare-with-node.js'
import { fixture } from './fixture-path.js'

// Each fixture script runs through Node's own loader and as the entry of a fresh space: the data must match.
const root = fixture('errored')

describe('an ES module that throws, as in Node', () => {
  it('is evaluated once for twenty concurrent importers, and every importer, later ones and require() get the same error', async () => {
    const expected = native(root, 'concurrent.js') as Record<string, any>
    expect(expected.counts).toEqual({ throws: 1, throwsLater: 1, importer: 0 })
    expect(await inSpace(root, 'concurrent.js')).toEqual(expected)
  }, 30_000)
})
