import { afterEach, expect, it } from 'vitest'
import { ModuleSpace } from '../src/index.js'
import { fixture } from './fixture-path.js'

// import() in a space's ES module, as Node's: the steps before loading, and a module importing itself while it runs.
let space: ModuleSpace
afterEach(async () => {
  await space?.dispose()
})
const fresh = () => (space = new ModuleSpace({ parent: undefined, root: fixture('semantics'), delegation: 'self-first' }))

it('fulfils import() of the module that is evaluating once its evaluation is over', async () => {
  const ns = await fresh().import('./dynamic/self-import.js')
  expect(await ns.later).toBe(1)
})

it('converts a specifier that is not a string, checks the options, and gives import.meta a null prototype', async () => {
  const ns = await fresh().import('./dynamic/url-specifier.js')
  expect(ns.viaUrl.x).toBe(1)
  expect(ns.metaProto).toBe(null)
  expect(ns.badOptions).toBe('TypeError')
})
