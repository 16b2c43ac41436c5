import { it } from 'vitest'
import type { Door } from './native/run-reference.js'

export type Check = 'result' | 'isolation' | 'override'

/**
 * Cases of the corpus that fail today because of a known difference of the node adapter from Node, each with its
 * root cause and the item of issue #10 that fixes it. Their tests run as `it.fails`: once the fix lands, the test
 * passes, `it.fails` turns red, and the row must go.
 */
export const knownFailures: { specifier: string; door: Door | 'both'; check: Check | 'all'; reason: string; item: string }[] = [
  // None today. The last row (jiti and a live node:fs override) was the test's own: its override, spread from a
  // namespace import of node:fs, carried a `default` key, which jiti's interop took for the module.
]

/** `it`, or `it.fails` for a row of the table above. */
export function testFor(specifier: string, door: Door, check: Check): typeof it | typeof it.fails {
  const known = knownFailures.some(
    (row) => row.specifier === specifier && (row.door === 'both' || row.door === door) && (row.check === 'all' || row.check === check),
  )
  return known ? it.fails : it
}
