import { expect, it } from 'vitest'
import { semanticsSpaces } from './semantics-space.js'

// Import attributes are checked as Node checks them: `type: 'json'` is the only one, and a JSON module needs it.
const fresh = semanticsSpaces()

it('loads JSON with type json and refuses it without, or type json on a JavaScript module, with Node codes', async () => {
  const ns = await fresh().import('./attributes/checked.js')
  expect(ns.data).toEqual(ns.dynamic)
  expect(ns.missing).toBe('ERR_IMPORT_ATTRIBUTE_MISSING')
  expect(ns.incompatible).toBe('ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE')
})

it('refuses a static JSON import without attributes, an unknown key, and a key given twice', async () => {
  const space = fresh()
  await expect(space.import('./attributes/json-no-type.js')).rejects.toMatchObject({ code: 'ERR_IMPORT_ATTRIBUTE_MISSING' })
  await expect(space.import('./attributes/unknown-key.js')).rejects.toMatchObject({ code: 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED' })
  await expect(space.import('./attributes/duplicate-key.js')).rejects.toThrow(/duplicate key 'type'/)
})
