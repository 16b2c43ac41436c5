import { expect, it } from 'vitest'
import { semanticsSpaces } from './semantics-space.js'

// import() in a space's ES module, as Node's: the steps before loading, and a module importing itself while it runs.
const fresh = semanticsSpaces()

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
