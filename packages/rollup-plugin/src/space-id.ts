import { extname } from 'node:path'
import { ROOT_SPACE } from '@modspace/core'

/**
 * Rollup ids carry the owning space, so that one file owned by two spaces is two modules in the bundle.
 *
 * `root`'s modules keep their plain file path (one instance, as without the plugin). Any other space's module is
 * `<file>?modspace=<space>&lang<ext>`: the file stays first so that ids read well in warnings and source maps, and the
 * trailing `&lang.js` (Vite's convention for virtual sub-modules) keeps `extname(id)` the real extension, so
 * extension-filtered plugins such as @rollup/plugin-commonjs still transform the module.
 *
 * Invariant: `parseSpaceId(spaceId(file, space))` is `{ file, space }` for every file path and space name.
 */
const MARK = '?modspace='

export function spaceId(file: string, space: string): string {
  if (space === ROOT_SPACE) return file
  const ext = extname(file)
  return `${file}${MARK}${encodeURIComponent(space)}${ext ? `&lang${ext}` : ''}`
}

export interface ParsedSpaceId {
  file: string
  /** `undefined` when the id carries no space: a plain id, owned by `root` when the plugin made it. */
  space: string | undefined
}

/** Reads the file and space back from an id, ignoring any query another plugin appended after ours. */
export function parseSpaceId(id: string): ParsedSpaceId {
  const at = id.indexOf(MARK)
  if (at === -1) return { file: id, space: undefined }
  const rest = id.slice(at + MARK.length)
  const end = rest.search(/[&?]/)
  return { file: id.slice(0, at), space: decodeURIComponent(end === -1 ? rest : rest.slice(0, end)) }
}

/**
 * An input in a named space, for rollup's `input`: `input: { admin: inSpace('plugins/admin/main.js', 'admin') }`.
 * Without it an input belongs to the space whose root holds it most deeply (`graph.spaceForFile`).
 */
export function inSpace(file: string, space: string): string {
  return `${file}${MARK}${encodeURIComponent(space)}`
}

/**
 * A root module's id that names `root` (`<file>?modspace=root`), for an import written into a space's module: a plain
 * path there would be resolved in the importer's space. The plugin answers it with the plain id, so it is the same
 * module as every other import of the file in root.
 */
export function pinnedId(file: string): string {
  return `${file}${MARK}${ROOT_SPACE}`
}

/** Strips our mark from a chunk name made from a module id: `index.js?modspace=a&lang` becomes `index-a`. */
export function readableChunkName(name: string): string {
  return name.replace(/(\.[^./?]*)?\?modspace=([^&?]*)(&lang[^/]*)?/g, (_all, _ext, space: string) => `-${space}`)
}

/** `main.mjs?modspace=a&lang.mjs` as `main.mjs?modspace=a`: for source maps, where no plugin filters by extension. */
export function withoutExtensionSuffix(id: string): string {
  return id.replace(/(\?modspace=[^&?]*)&lang\.[^/?&]*$/, '$1')
}
