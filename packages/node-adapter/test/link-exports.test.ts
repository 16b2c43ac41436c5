import { expect, it } from 'vitest'
import { semanticsSpaces } from './semantics-space.js'

// Linking in a space, as Node's: re-exports resolved through export * and cycles, and what linking refuses.
const fresh = semanticsSpaces()

it('links re-exports as Node does: a name found through an export * cycle, a SyntaxError for one that leads nowhere', async () => {
  const space = fresh()
  expect((await space.import('./reexport/star-main.js')).seen).toBe(42)
  await expect(space.import('./reexport/ping.js').then((ns) => ns.x)).rejects.toThrow(SyntaxError)
  // The missing name is found before any module of the cycle runs.
  await expect(space.import('./reexport/cycle-1.js')).rejects.toThrow(/does not provide an export named 'missing'/)
  expect((globalThis as Record<string, unknown>).__modspaceCycleRan).toBeUndefined()
  // A name two export * give differently is left out of the namespace, as in Node.
  expect(Object.keys(await space.import('./reexport/amb.js'))).toEqual(['only1'])
})

it('gives a JSON module a namespace of default only, and leaves out a namespace two export * re-export, as Node does', async () => {
  const space = fresh()
  expect((await space.import('./reexport/json-ns.js')).keys).toEqual(['default'])
  expect(Object.keys(await space.import('./reexport/ns-amb.js'))).toEqual([])
})
