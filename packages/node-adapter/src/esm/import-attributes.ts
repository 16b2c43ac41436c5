import { pathToFileURL } from 'node:url'

/** The `with { ... }` of an import, key → value. */
export type ImportAttributes = Record<string, string>

/**
 * Node's check of an import's attributes against the module it loads (lib/internal/modules/esm/assert.js): `type`
 * is the only key, `json` its only value, and a JSON module needs it; errors are Node's, with its codes.
 */
export function checkImportAttributes(attributes: ImportAttributes | undefined, id: string, json: boolean): void {
  // Every static import of every module comes here: the common case (no attributes, not JSON) makes nothing.
  if (attributes === undefined && !json) return
  for (const key of attributes ? Object.keys(attributes) : []) {
    if (key !== 'type') throw unsupported(key, attributes![key]!, id)
  }
  const type = attributes?.type
  if (type === undefined) {
    if (json) throw nodeError(`Module "${urlOf(id)}" needs an import attribute of "type: json"`, 'ERR_IMPORT_ATTRIBUTE_MISSING')
    return
  }
  if (type !== 'json') throw unsupported('type', type, id)
  if (!json) throw nodeError(`Module "${urlOf(id)}" is not of type "json"`, 'ERR_IMPORT_ATTRIBUTE_TYPE_INCOMPATIBLE')
}

/** The module's URL as Node's errors name it, made only for an error (it costs more than the check). */
function urlOf(id: string): string {
  return id.startsWith('node:') ? id : pathToFileURL(id).href
}

/** A static import's attribute keys must differ (an early error, which V8 reports at parse time). */
export function addImportAttribute(attributes: ImportAttributes, key: string, value: string): void {
  if (Object.prototype.hasOwnProperty.call(attributes, key)) throw new SyntaxError(`Import attribute has duplicate key '${key}'`)
  attributes[key] = value
}

function unsupported(key: string, value: string, id: string): TypeError {
  return nodeError(`Import attribute "${key}" with value "${value}" is not supported in ${urlOf(id)}`, 'ERR_IMPORT_ATTRIBUTE_UNSUPPORTED')
}

function nodeError(message: string, code: string): TypeError {
  return Object.assign(new TypeError(message), { code })
}
