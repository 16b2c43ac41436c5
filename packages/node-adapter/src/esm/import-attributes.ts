import { pathToFileURL } from 'node:url'

/** The `with { ... }` of an import, key → value. */
export type ImportAttributes = Record<string, string>

/**
 * Node's check of an import's attributes against the module it loads (lib/internal/modules/esm/assert.js): `type`
 * is the only key, `json` its only value, and a JSON module needs it; errors are Node's, with its codes.
 */
export function checkImportAttributes(attributes: ImportAttributes | undefined, id: string, json: boolean): void {
  const url = id.startsWith('node:') ? id : pathToFileURL(id).href
  const keys = attributes ? Object.keys(attributes) : []
  for (const key of keys) {
    if (key !== 'type') throw unsupported(key, attributes![key]!, url)
  }
  const type = attributes?.type
  if (type === undefined) {
    if (json) throw nodeError(`Module "${url}" needs an import attribute of "type: json"`, 'ERR_IMPORT_ATTRIBUTE_MISSING')
    return
  }
  if (type !== 'json') throw unsupported('type', type, url)
  if (!json) throw nodeError(`Module "${url}" is not of type "json"`, 'ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE')
}

/** A static import's attribute keys must differ (an early error, which V8 reports at parse time). */
export function addImportAttribute(attributes: ImportAttributes, key: string, value: string): void {
  if (Object.prototype.hasOwnProperty.call(attributes, key)) throw new SyntaxError(`Import attribute has duplicate key '${key}'`)
  attributes[key] = value
}

function unsupported(key: string, value: string, url: string): TypeError {
  return nodeError(`Import attribute "${key}" with value "${value}" is not supported in ${url}`, 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED')
}

function nodeError(message: string, code: string): TypeError {
  return Object.assign(new TypeError(message), { code })
}
