import { ROOT_SPACE } from '@modspace/core'

/**
 * rspack (2.3) cannot put a module in a layer from a hook, but a `module.rules` entry can, matching the resource's
 * query. The plugin rewrites each space-owned request to `<file>?modspace=<space>` and adds one rule per space; the
 * tag is part of the module's identity, as the layer is, so the same file owned by two spaces is two modules.
 */
const TAG = 'modspace='
const ANY_TAG = /[?&]modspace=/

/** The request for `file` owned by `space`: the file, the request's own `?query`, and the space's tag (none for `root`). */
export function taggedRequest(file: string, query: string, space: string): string {
  if (space === ROOT_SPACE) return file + query
  return `${file}${query ? `${query}&` : '?'}${TAG}${encodeURIComponent(space)}`
}

/** The rule matching the requests `taggedRequest` makes for `space`. */
export function spaceTagQuery(space: string): RegExp {
  return new RegExp(`[?&]${TAG}${escapeRegExp(encodeURIComponent(space))}(?:&|$)`)
}

/** The resource without its query: the file the manifest names. */
export function untagged(resource: string): string {
  return resource.replace(/\?.*$/, '')
}

export { ANY_TAG }

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
