import { afterEach, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

// Linking in a space, as Node's: re-exports resolved through export * and cycles, and what linking refuses.
let space: ModuleSpace
afterEach(async () => {
  await space?.dispose()
})
const fresh = () => (space = new ModuleSpace({ parent: undefined, root: fixture('semantics'), delegation: 'self-first' }))

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
