import { it } from 'vitest'
import type { Door } from './native/run-reference.js'

export type Check = 'result' | 'isolation' | 'override'

/**
 * Cases of the corpus that fail today because of a known difference of the node adapter from Node, each with its
 * root cause and the item of issue #10 that fixes it. Their tests run as `it.fails`: once the fix lands, the test
 * passes, `it.fails` turns red, and the row must go.
 */
export const knownFailures: { specifier: string; door: Door | 'both'; check: Check | 'all'; reason: string; item: string }[] = [
  ...['chalk', 'lodash-es', 'superjson', 'cli-spinners', 'cli-boxes'].map((specifier) => ({
    specifier,
    door: 'require' as const,
    check: 'result' as const,
    reason:
      "require() of an ES module with a default export: Node 24 returns the namespace with __esModule: true, a space " +
      "the bare namespace (repro: m.mjs `export default 1`; require('./m.mjs').__esModule is true natively, undefined in a space)",
    item: '#10 item 3',
  })),
  {
    specifier: 'jiti',
    door: 'import',
    check: 'isolation',
    reason:
      "lib/jiti.mjs loads its transform with createRequire(import.meta.url)('../dist/babel.cjs'): node:module's " +
      "createRequire is the host's, so babel.cjs goes into the host's require.cache, not the space's",
    item: '#10 item 1',
  },
  {
    specifier: 'jiti',
    door: 'both',
    check: 'override',
    reason:
      "jiti runs the code it loads with a require from node:module's createRequire, which is the host's: " +
      "`import fs from 'node:fs'` in that code gets the real fs, not the space's override",
    item: '#10 item 1',
  },
]

/** `it`, or `it.fails` for a row of the table above. */
export function testFor(specifier: string, door: Door, check: Check): typeof it | typeof it.fails {
  const known = knownFailures.some(
    (row) => row.specifier === specifier && (row.door === 'both' || row.door === door) && (row.check === 'all' || row.check === check),
  )
  return known ? it.fails : it
}
