import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { createGraph, ErrorCodes, ModspaceError, ROOT_SPACE, type ModspaceConfig } from '../src/index.js'
import { createMemoryHost } from './memory-host.js'

// `npm test` runs a bounded number; `npm run fuzz -w @modspace/core` runs many more (MODSPACE_FUZZ_RUNS).
const numRuns = Number(process.env.MODSPACE_FUZZ_RUNS ?? 60) * 10
const CODES = new Set<string>(Object.values(ErrorCodes))

const host = createMemoryHost({
  '/w/package.json': '{"name":"w","version":"1.0.0"}',
  '/w/a/package.json': '{"name":"a","version":"1.0.0"}',
  '/w/b/package.json': '{"name":"b","version":"1.0.0"}',
  '/w/stand-in.js': '',
})

/** A valid config every path below exists in. */
const valid = (): Record<string, any> => ({
  spaces: {
    a: { root: './a', delegation: 'self-first', shared: ['x'], isolated: ['y'], overrides: { 'node:net': './stand-in.js', z: false }, entries: { main: './a/index.js' } },
    b: { root: './b', parent: 'a', shared: { x: '^1.0.0' } },
  },
  native: { pin: 'a', packages: ['n'], onConflict: 'warn' },
  conditions: ['node'],
})

const PATHS = [
  [], ['spaces'], ['spaces', 'a'], ['spaces', 'b'], ['spaces', 'c'], ['spaces', 'root'],
  ...['parent', 'root', 'delegation', 'shared', 'isolated', 'overrides', 'entries', 'unknown'].map((key) => ['spaces', 'b', key]),
  ['spaces', 'a', 'shared', 0], ['spaces', 'a', 'isolated', 1], ['spaces', 'b', 'shared', 'x'], ['spaces', 'a', 'overrides', 'node:net'],
  ['spaces', 'a', 'overrides', 'w'], ['spaces', 'a', 'entries', 'main'],
  ['native'], ['native', 'pin'], ['native', 'packages'], ['native', 'packages', 0], ['native', 'onConflict'], ['native', 'other'],
  ['conditions'], ['conditions', 0], ['other'],
] as Array<Array<string | number>>

/**
 * What a config written in JavaScript can hold that JSON cannot, and values built to trip a validator up. Made inside
 * the property (fast-check itself would trip on a revoked proxy): the arbitrary gives which one.
 */
const HOSTILE: Array<() => unknown> = [
    () => 10n,
    () => Symbol('s'),
    () => () => 'fn',
    () => Object.create(null),
    () => {
      const o: Record<string, unknown> = { root: './a' }
      o.self = o
      return o
    },
    () => Object.defineProperty({}, 'root', { enumerable: true, get: () => { throw new Error('getter') } }),
    () => {
      const r = Proxy.revocable({}, {})
      r.revoke()
      return r.proxy
    },
    () => new Proxy({}, { ownKeys: () => { throw new Error('trap') } }),
    () => new Map([['a', 1]]),
    () => new Date(0),
    () => 'x'.repeat(20_000),
    () => [undefined, , 1], // eslint-disable-line no-sparse-arrays
    () => ({ __proto__: null, toString: 1 }),
    () => JSON.parse('{"__proto__": {"root": "./a"}}') as unknown,
]

const anyValue = fc.oneof(
  fc.anything({ withBigInt: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true }).map((value) => () => value),
  fc.nat(HOSTILE.length - 1).map((i) => HOSTILE[i]!),
)

function withValueAt(path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value
  const config = valid()
  let at: any = config
  for (const key of path.slice(0, -1)) at = at[key]
  // defineProperty: a key named __proto__ stays a key.
  Object.defineProperty(at, path.at(-1)!, { value, enumerable: true, writable: true, configurable: true })
  return config
}

describe(`the config fuzzer (${numRuns} runs)`, () => {
  it('answers any value of any type at any config path with a ModspaceError (code and path) or a valid graph', { timeout: 30_000 + numRuns * 20 }, () => {
    fc.assert(
      fc.property(fc.constantFrom(...PATHS), anyValue, (path, make) => {
        const value = make()
        let graph
        try {
          graph = createGraph(withValueAt(path, value) as ModspaceConfig, { cwd: '/w', host, configFile: '/w/modspace.config.ts' })
        } catch (error) {
          expect(error).toBeInstanceOf(ModspaceError)
          const e = error as ModspaceError
          expect(CODES.has(e.code)).toBe(true)
          expect(e.configPath).toEqual(expect.any(String))
          expect(e.file).toBe('/w/modspace.config.ts')
          expect(e.message.split('\n')[0]).toContain(`[${e.code}] ${e.configPath}:`)
          return
        }
        // A valid graph: every space's chain ends at root, and asking it anything answers or refuses with a code.
        for (const space of graph.spaces.values()) expect(space.chain.at(-1)).toBe(ROOT_SPACE)
        for (const name of graph.spaces.keys()) {
          try {
            graph.resolve({ space: name, specifier: 'x' })
          } catch (error) {
            expect(error).toBeInstanceOf(ModspaceError)
          }
        }
      }),
      { numRuns },
    )
  })
})
