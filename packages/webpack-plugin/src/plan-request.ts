import { dirname, isAbsolute, resolve as resolvePath } from 'node:path'
import { ROOT_SPACE, specifierType, type ResolveRequest, type SpaceGraph } from '@modspace/core'

/** What webpack knows about one dependency when it starts to create its module. */
export interface DependencyFacts {
  /** The request as written, possibly with a `?query`. */
  request: string
  /** The folder webpack resolves the request from (the importer's, or a context module's, or `context` for entries). */
  context: string
  /** Absolute path of the importing module; empty for an entry. */
  issuer: string
  /** The importer's layer; for an entry, the entry's `layer`. */
  issuerLayer: string | null | undefined
  /** webpack's dependency category: `esm`, `commonjs`, `url`, `worker`, ... */
  category: string
  /** The importer is strict ESM for webpack (`javascript/esm`: `.mjs`, or `"type": "module"`). */
  issuerIsStrictEsm: boolean
}

export interface PlannedRequest {
  request: ResolveRequest
  /** `?query` to put back after the resolved file. */
  query: string
}

// webpack categories that import a module (as opposed to loaders, css @import, or context lookups).
const IMPORT_CATEGORIES = new Set(['esm', 'url', 'worker'])
const REQUIRE_CATEGORIES = new Set(['commonjs', 'amd'])

/**
 * The core request for a webpack dependency, or `undefined` when it is not modspace's to decide: loader requests
 * (`a!b`), match resources (`x!=!y`), URL schemes other than `file:`/`node:`, and non-module categories.
 *
 * Invariants: `request.space` is the space that owns the importer (the importer's layer when it is a space, else
 * `root`); for an entry, the entry's layer, else the space whose root holds the entry file (`spaceForFile`).
 */
export function planRequest(graph: SpaceGraph, facts: DependencyFacts, conditions: readonly string[] | undefined): PlannedRequest | undefined {
  const kind = IMPORT_CATEGORIES.has(facts.category) ? 'import' : REQUIRE_CATEGORIES.has(facts.category) ? 'require' : undefined
  if (!kind || facts.request === '' || facts.request.includes('!')) return undefined
  if (/^[a-z][a-z0-9+.-]+:/i.test(facts.request) && !/^(?:node|file):/.test(facts.request)) return undefined

  const q = facts.request.indexOf('?')
  const query = q === -1 ? '' : facts.request.slice(q)
  let specifier = q === -1 ? facts.request : facts.request.slice(0, q)
  const importer = facts.issuer && isAbsolute(facts.issuer) ? facts.issuer : undefined
  // Context elements (`require('./locale/' + x)`) and entries are relative to webpack's context, not to an importer file.
  if (specifierType(specifier) === 'relative' && (!importer || dirname(importer) !== facts.context)) {
    specifier = resolvePath(facts.context, specifier)
  }

  const layer = facts.issuerLayer ?? undefined
  let space: string
  if (layer !== undefined && layer !== ROOT_SPACE && graph.spaces.has(layer)) space = layer
  else if (importer) space = ROOT_SPACE
  else space = isAbsolute(specifier) ? graph.spaceForFile(specifier) : ROOT_SPACE

  return {
    request: {
      space,
      specifier,
      kind,
      ...(importer ? { importer } : {}),
      // The same array for every request of a compilation: the core makes its conditions once per array.
      ...(conditions ? { conditions } : {}),
      // webpack's own rule: only `javascript/esm` importers need full file names; bundlers guess extensions elsewhere.
      fullySpecified: kind === 'import' && facts.category === 'esm' && facts.issuerIsStrictEsm,
    },
    query,
  }
}
